namespace KafkaRecon.Tests.Monitoring;

public sealed class ChartCopiesTests
{
    [Theory]
    [InlineData("alerts.yaml")]
    [InlineData("dashboard.json")]
    public void The_chart_ships_the_same_file_as_deploy_monitoring(string file) =>
        Assert.True(
            RepositoryFiles.Read($"deploy/monitoring/{file}") == RepositoryFiles.Read($"charts/kafka-recon/files/{file}"),
            $"charts/kafka-recon/files/{file} differs from deploy/monitoring/{file}; copy the original over it.");
}

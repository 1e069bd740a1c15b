using KafkaRecon.Operator.Kubernetes.Hosting;
using KafkaRecon.Operator.Kubernetes.Leadership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace KafkaRecon.Tests.Kubernetes.Hosting;

public sealed class ExitOnLeadershipLossTests
{
    [Fact]
    public void Losing_leadership_stops_the_host_aborts_work_and_exits_non_zero()
    {
        var host = new RecordingLifetime();
        using var lifetime = new OperatorLifetime(host);

        new ExitOnLeadershipLoss(lifetime, NullLogger<ExitOnLeadershipLoss>.Instance).OnLeadershipLost("pod-1_abc");

        Assert.True(host.StopRequested);
        Assert.True(lifetime.AbortWork.IsCancellationRequested);
        Assert.Equal(OperatorLifetime.LeadershipLostExitCode, lifetime.ExitCode);
        Assert.NotEqual(0, lifetime.ExitCode);
    }

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public bool StopRequested { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StopRequested = true;
    }
}

using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Jobs;

namespace KafkaRecon.Tests.Engines.Jobs;

public sealed class PhaseJobResultTests
{
    [Fact]
    public void A_failed_observation_round_trips_through_the_termination_message()
    {
        var observation = PhaseObservation.Failed(PhaseFailure.ManifestsUnreadable, "s3://b/import: access denied", retryable: false)
            with { RunId = "nightly-20261125" };

        var parsed = PhaseJobResult.TryParse(PhaseJobResult.From(observation).ToMessage());

        Assert.Equal(PhaseJobResult.From(observation), parsed);
    }

    [Fact]
    public void A_long_message_is_shortened_so_the_result_fits_the_kubelet_limit_and_still_parses()
    {
        var result = new PhaseJobResult { Failure = PhaseFailure.TransformFailed, Message = new string('x', 10_000) };

        var message = result.ToMessage();

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(message) <= PhaseJobResult.MaxLength);
        Assert.Equal(PhaseFailure.TransformFailed, PhaseJobResult.TryParse(message)?.Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Unhandled exception. System.Exception")]
    [InlineData("{ not json")]
    public void Text_that_is_no_result_reads_as_none(string? message) => Assert.Null(PhaseJobResult.TryParse(message));
}

using KafkaRecon.Entities;
using KafkaRecon.Operator.Engines;
using KafkaRecon.Operator.Engines.Jobs;

namespace KafkaRecon.Tests.Engines.Jobs;

public sealed class RunnerTransformerTests
{
    [Theory]
    [InlineData(TransformRunner.Operator, "operator")]
    [InlineData(TransformRunner.Job, "job")]
    public async Task Start_and_poll_go_to_the_runner_the_spec_names(TransformRunner runner, string expected)
    {
        var (inOperator, inJob) = (new RecordingTransformer("operator"), new RecordingTransformer("job"));
        var context = PhaseJobContexts.Transform();
        context.Spec.Transform.Runner = runner;

        var started = await new RunnerTransformer(inOperator, inJob).StartAsync(context, CancellationToken.None);
        var polled = await new RunnerTransformer(inOperator, inJob).PollAsync(context, CancellationToken.None);

        Assert.Equal((expected, expected), (started.Message, polled.Message));
    }

    [Fact]
    public async Task Cancel_reaches_both_runners_so_a_spec_edited_to_the_other_runner_still_stops_the_old_work()
    {
        var (inOperator, inJob) = (new RecordingTransformer("operator"), new RecordingTransformer("job"));
        var context = PhaseJobContexts.Transform();
        context.Spec.Transform.Runner = TransformRunner.Operator;

        await new RunnerTransformer(inOperator, inJob).CancelAsync(context, CancellationToken.None);

        Assert.Equal((1, 1), (inOperator.Cancelled, inJob.Cancelled));
    }

    [Fact]
    public async Task Job_runner_without_job_settings_fails_at_once_naming_the_flag()
    {
        var observation = await new RunnerTransformer(new RecordingTransformer("operator"), null)
            .StartAsync(PhaseJobContexts.Transform(), CancellationToken.None);

        Assert.Equal(PhaseFailure.EngineNotConfigured, observation.Failure);
        Assert.False(observation.Retryable);
        Assert.Contains("--job-image", observation.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingTransformer(string name) : ITransformer
    {
        public int Cancelled { get; private set; }

        public Task<PhaseObservation> StartAsync(PhaseContext context, CancellationToken cancellationToken) =>
            Task.FromResult(PhaseObservation.Succeeded() with { Message = name });

        public Task<PhaseObservation> PollAsync(PhaseContext context, CancellationToken cancellationToken) =>
            Task.FromResult(PhaseObservation.Succeeded() with { Message = name });

        public Task CancelAsync(PhaseContext context, CancellationToken cancellationToken)
        {
            Cancelled++;
            return Task.CompletedTask;
        }
    }
}

namespace KafkaRecon.Operator.Scheduling;

/// <summary>A flag, template or cluster answer that <c>kafka-recon create</c> cannot act on; the message says how to fix it.</summary>
internal sealed class ScheduleInputException(string message) : Exception(message);

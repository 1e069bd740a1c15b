using KafkaRecon.Entities;

namespace KafkaRecon.Operator.Notifications;

/// <summary>
/// Everything a person needs to learn about one finished run, independent of the channel it is sent on.
/// Built by <see cref="OutcomeNotificationFactory"/>; <see cref="NotificationId"/> lets a receiver drop duplicates.
/// </summary>
internal sealed record OutcomeNotification
{
    public required string NotificationId { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public string? RunId { get; init; }
    public required NotificationOutcome Outcome { get; init; }

    /// <summary>Title, severity and notification type keep the reference system's wording for continuity.</summary>
    public required string Title { get; init; }
    public required string Severity { get; init; }
    public required string NotificationType { get; init; }

    public ResolvedWindow? Window { get; init; }
    public EngineKind Engine { get; init; }

    /// <summary>Null when the run failed before producing results.</summary>
    public ReconciliationResults? Totals { get; init; }
    public IReadOnlyList<CollectionResult> TopCollections { get; init; } = [];
    public string? ReportLocation { get; init; }

    /// <summary><c>spec.output.location</c>: where <c>kafka-recon results</c> finds the run's tables.</summary>
    public string? OutputLocation { get; init; }
    public TimeSpan? RunDuration { get; init; }

    /// <summary>Why a failed run failed (reason and message of its Ready condition).</summary>
    public string? FailureReason { get; init; }
    public string? FailureMessage { get; init; }

    /// <summary>Set when the run started without complete inputs (spec.start.maxWait ran out): what was still missing.</summary>
    public string? InputsWarning { get; init; }

    /// <summary>Which comparison this is (1 = first verdict, then each recheck) and of how many.</summary>
    public int Check { get; init; } = 1;
    public int Checks { get; init; } = 1;

    /// <summary>For a recheck: when, after the first verdict, and how many earlier misses arrived late.</summary>
    public TimeSpan? CheckDelay { get; init; }
    public long Recovered { get; init; }

    /// <summary>Where the resource asks outcomes to be sent.</summary>
    public NotificationsSpec Destinations { get; init; } = new();
}

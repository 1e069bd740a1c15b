using System.CommandLine;
using KafkaRecon.Operator.Coalescing;
using KafkaRecon.Operator.Inputs;

namespace KafkaRecon.Operator.Cli;

/// <summary>
/// <c>kafka-recon coalesce</c>: merges a location's small manifest files into few large ones (what each AWS Batch
/// coalescer job runs). Exit 0 when every batch completed, 1 when any failed (nothing is lost either way), 2 for
/// invalid options.
/// </summary>
internal static class CoalesceCommand
{
    public static Command Create()
    {
        var location = new Option<string>("--location")
        {
            Description = "Folder or s3://bucket/prefix holding the manifest files, read recursively.",
            Required = true,
        };
        var partition = new Option<int?>("--partition")
        {
            Description = "Only K2HB (import) files of this Kafka partition; export files carry no partition and are skipped.",
        };
        var maxFiles = new Option<int>("--max-files")
        {
            Description = "Most original files merged into one output file.",
            DefaultValueFactory = _ => CoalesceLimits.Default.MaxFiles,
        };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Cumulative size at which an output file is closed, in bytes.",
            DefaultValueFactory = _ => CoalesceLimits.Default.MaxBytes,
        };
        var side = new Option<string?>("--side")
        {
            Description = "import (K2HB names) or export (HTME names); both when omitted.",
        };
        side.AcceptOnlyFromAmong("import", "export");
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Batches merged at the same time.",
            DefaultValueFactory = _ => 4,
        };

        var readAhead = new Option<int>("--read-ahead")
        {
            Description = "Original files read at the same time within one batch, in each of the two chunks read ahead (raise for high-latency stores such as S3; local reads use at most one thread per core).",
            DefaultValueFactory = _ => PrefetchLimits.Default.MaxReads,
        };

        var minFileAge = new Option<string>("--min-file-age")
        {
            Description = "Files modified less than this long ago are not merged (a writer may still append to them): " +
                          "a duration from 0s to 24h such as 2m or 90s.",
            DefaultValueFactory = _ => FileAge.DefaultText,
        };

        var modifiedSince = new Option<DateTimeOffset?>("--modified-since")
        {
            Description = "Merge only files modified at or after this instant (RFC 3339), the run's input cutoff: " +
                          "merging older files would give their records a new write time and defeat input pruning.",
        };
        var layout = new Option<string>("--layout")
        {
            Description = "flat, or daily (files under YYYY/MM/DD/ folders by write date: only the folders from " +
                          "--modified-since's day to today are listed).",
            DefaultValueFactory = _ => "flat",
        };
        layout.AcceptOnlyFromAmong("flat", "daily");

        var command = new Command("coalesce", "Merge many small manifest files into few large ones, losing nothing.")
        {
            location, partition, maxFiles, maxBytes, side, concurrency, readAhead, minFileAge, modifiedSince, layout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(location)!;
            if (FileAge.Parse(parse.GetValue(minFileAge), "--min-file-age", out var invalidAge) is not { } age)
            {
                await error.WriteLineAsync(invalidAge);
                return ExitCodes.InvalidInput;
            }
            var request = new CoalesceRequest(
                path,
                Sides(parse.GetValue(side)),
                new CoalesceLimits(parse.GetValue(maxFiles), parse.GetValue(maxBytes)),
                parse.GetValue(partition))
            {
                MaxConcurrentBatches = parse.GetValue(concurrency),
                Prefetch = PrefetchLimits.Default with { MaxReads = parse.GetValue(readAhead) },
                MinFileAge = age,
            };
            if (Validate(request) is { } invalid)
            {
                await error.WriteLineAsync(invalid);
                return ExitCodes.InvalidInput;
            }
            // s3:// locations use the AWS clients of the environment (AWS_REGION, AWS_ENDPOINT_URL, credentials chain).
            using var aws = new Aws.LazyAwsClients(endpoint: null);
            var store = Pruned(aws.CreateStore(), path, parse.GetValue(modifiedSince), parse.GetValue(layout));
            CoalesceReport report;
            try
            {
                report = await new ManifestCoalescer(store, TimeProvider.System).CoalesceAsync(request, cancellationToken);
            }
            catch (Aws.AwsConfigurationException configuration)
            {
                await error.WriteLineAsync($"--location '{path}': {configuration.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (Exception failure) when (Storage.StorageFailure.Is(failure, cancellationToken))
            {
                // Unreachable endpoint, refused credentials, unreadable folder: an external failure, nothing merged.
                await error.WriteLineAsync($"--location '{path}' could not be coalesced: {Storage.StorageFailure.Describe(failure)}");
                return ExitCodes.Error;
            }
            await output.WriteLineAsync(CoalesceReportText.Summary(report));
            foreach (var failure in report.Failures)
            {
                await error.WriteLineAsync($"failed: {failure}");
            }
            return report.Succeeded ? ExitCodes.Verified : ExitCodes.Error;
        });
        return command;
    }

    /// <summary>The store as the run's input rule sees it: only files modified since the cutoff, when one is given.</summary>
    private static Storage.IObjectStore Pruned(Storage.IObjectStore store, string location, DateTimeOffset? since, string? layout)
    {
        if (since is not { } cutoff)
        {
            return store;
        }
        var prefixes = layout == "daily" ? InputRule.DailyPrefixes(location, cutoff, DateTimeOffset.UtcNow) : [location];
        return new PrunedObjectStore(store, new InputRule(location, "--location", cutoff, prefixes));
    }

    private static IReadOnlyList<ManifestSide> Sides(string? side) => side switch
    {
        "import" => [ManifestSide.Import],
        "export" => [ManifestSide.Export],
        _ => [ManifestSide.Import, ManifestSide.Export],
    };

    private static string? Validate(CoalesceRequest request)
    {
        if (request.Limits.MaxFiles < 2)
        {
            return $"--max-files {request.Limits.MaxFiles}: expected at least 2 (a single file is never merged).";
        }
        if (request.Limits.MaxBytes < 1)
        {
            return $"--max-bytes {request.Limits.MaxBytes}: expected a positive number of bytes.";
        }
        if (request.Partition is < 0)
        {
            return $"--partition {request.Partition}: expected a Kafka partition number, 0 or more.";
        }
        if (request.MaxConcurrentBatches < 1)
        {
            return $"--concurrency {request.MaxConcurrentBatches}: expected at least 1.";
        }
        if (request.Prefetch.MaxReads < 1)
        {
            return $"--read-ahead {request.Prefetch.MaxReads}: expected at least 1.";
        }
        if (!Storage.ObjectStoreLocation.IsS3(request.Location)
            && !Directory.Exists(request.Location) && !File.Exists(request.Location))
        {
            return $"--location '{request.Location}' does not exist; expected a folder of manifest files.";
        }
        return null;
    }
}

namespace KafkaRecon.Operator.Generation;

/// <summary>
/// Decides a record's rows from the seed and its number alone (pure): fate, id style, timestamps, export component
/// and type. The same function feeds both the files and the truth, so they cannot disagree.
/// </summary>
internal sealed class RecordPlanner(long seed, SampleWindow window, FateTable fates)
{
    private const ulong FateSalt = 1;
    private const int DocumentIdPerMillion = 5_000;

    public SampleRecord Plan(long number, ExportGap gap)
    {
        var random = SampleHash.Of(seed, number, FateSalt);
        var next = SampleHash.Mix(random);
        var record = new SampleRecord
        {
            Number = number,
            Fate = fates.FateOf((int)(random % FateTable.PartsPerMillion)),
            DocumentId = (int)((random >> 20) % FateTable.PartsPerMillion) < DocumentIdPerMillion,
            WrappedRawId = ((random >> 45) & 1) == 1,
        };
        // Inside the window, an hour away from both ends so that a version ten minutes off stays inside.
        var inside = window.StartMs + SampleWindow.HourMs + (long)(next % (ulong)(window.EndMs - window.StartMs - 2 * SampleWindow.HourMs));
        next = SampleHash.Mix(next);
        var delta = 1 + (long)(next % 600_000);
        next = SampleHash.Mix(next);
        var outside = (long)(next % SampleWindow.DayMs);
        next = SampleHash.Mix(next);
        ChooseExportKind(ref record, next);

        switch (record.Fate)
        {
            case RecordFate.Matched:
                Both(ref record, inside, inside);
                break;
            case RecordFate.MissingExport:
                Import(ref record, inside);
                break;
            case RecordFate.MissingImport:
                Export(ref record, inside);
                break;
            case RecordFate.EarlierInImport:
                Both(ref record, inside, inside + delta);
                break;
            case RecordFate.EarlierInExport:
                Both(ref record, inside + delta, inside);
                break;
            case RecordFate.DuplicateOnImport:
                Import(ref record, inside - delta, inside);
                Export(ref record, inside);
                break;
            case RecordFate.DuplicateOnExport:
                Import(ref record, inside);
                Export(ref record, inside - delta, inside);
                break;
            case RecordFate.DuplicateOnBoth:
                Import(ref record, inside - delta, inside);
                Export(ref record, inside - delta, inside);
                break;
            case RecordFate.RedeliveredImport:
                Import(ref record, inside, inside);
                Export(ref record, inside);
                break;
            case RecordFate.LatestAfterWindow:
                var later = window.EndMs + window.MarginMs + delta;
                Import(ref record, inside, later);
                Export(ref record, inside, later);
                break;
            case RecordFate.AtStart:
                Both(ref record, window.StartMs, window.StartMs);
                break;
            case RecordFate.BeforeStart:
                Both(ref record, window.StartMs - 1 - outside, window.StartMs - 1 - outside);
                break;
            case RecordFate.AtEnd:
                Both(ref record, window.EndMs, window.EndMs);
                break;
            case RecordFate.InsideMargin:
                var afterEnd = window.EndMs + (window.MarginMs > 0 ? outside % window.MarginMs : outside % SampleWindow.HourMs);
                Both(ref record, afterEnd, afterEnd);
                break;
            case RecordFate.AfterMargin:
                Both(ref record, window.EndMs + window.MarginMs + outside, window.EndMs + window.MarginMs + outside);
                break;
        }
        if (gap != ExportGap.None)
        {
            record.ExportRows = 0;
        }
        return record;
    }

    private static void ChooseExportKind(ref SampleRecord record, ulong random)
    {
        var share = random % 10;
        record.ExportComponent = share switch
        {
            < 7 => ExportKind.ComponentK2hb,
            < 9 => ExportKind.ComponentHdi,
            _ => ExportKind.ComponentTypeNotSet,
        };
        var latestType = record.ExportComponent switch
        {
            ExportKind.ComponentHdi => ExportKind.TypeImport,
            ExportKind.ComponentTypeNotSet => ((random >> 8) & 1) == 0 ? ExportKind.TypeNotSet : ExportKind.TypeUpdate,
            _ => (byte)((random >> 8) % 3),
        };
        record.ExportType0 = latestType;
        record.ExportType1 = latestType;
    }

    private static void Both(ref SampleRecord record, long importTimestamp, long exportTimestamp)
    {
        Import(ref record, importTimestamp);
        Export(ref record, exportTimestamp);
    }

    private static void Import(ref SampleRecord record, long timestamp)
    {
        record.ImportRows = 1;
        record.ImportTimestamp0 = timestamp;
    }

    private static void Import(ref SampleRecord record, long older, long latest)
    {
        record.ImportRows = 2;
        record.ImportTimestamp0 = older;
        record.ImportTimestamp1 = latest;
    }

    private static void Export(ref SampleRecord record, long timestamp)
    {
        record.ExportRows = 1;
        record.ExportTimestamp0 = timestamp;
    }

    private static void Export(ref SampleRecord record, long older, long latest)
    {
        record.ExportRows = 2;
        record.ExportTimestamp0 = older;
        record.ExportTimestamp1 = latest;
        if (record.ExportComponent == ExportKind.ComponentK2hb)
        {
            record.ExportType0 = ExportKind.TypeInsert;
            record.ExportType1 = ExportKind.TypeUpdate;
        }
    }
}

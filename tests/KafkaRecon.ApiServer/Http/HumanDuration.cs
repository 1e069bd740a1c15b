namespace KafkaRecon.ApiServer.Http;

/// <summary>kubectl's age format (apimachinery <c>duration.HumanDuration</c>): 45s, 5m3s, 3h20m, 4d, 2y30d.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        if (age < TimeSpan.FromSeconds(-1))
        {
            return "<invalid>";
        }

        if (age < TimeSpan.Zero)
        {
            return "0s";
        }

        var seconds = (long)age.TotalSeconds;
        var minutes = (long)age.TotalMinutes;
        var hours = (long)age.TotalHours;
        if (seconds < 60 * 2)
        {
            return $"{seconds}s";
        }

        if (minutes < 10)
        {
            var remainder = seconds % 60;
            return remainder == 0 ? $"{minutes}m" : $"{minutes}m{remainder}s";
        }

        if (minutes < 60 * 3)
        {
            return $"{minutes}m";
        }

        if (hours < 8)
        {
            var remainder = minutes % 60;
            return remainder == 0 ? $"{hours}h" : $"{hours}h{remainder}m";
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 24 * 8)
        {
            var remainder = hours % 24;
            return remainder == 0 ? $"{hours / 24}d" : $"{hours / 24}d{remainder}h";
        }

        if (hours < 24 * 365 * 2)
        {
            return $"{hours / 24}d";
        }

        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? $"{hours / 24 / 365}y" : $"{hours / 24 / 365}y{days}d";
        }

        return $"{hours / 24 / 365}y";
    }
}

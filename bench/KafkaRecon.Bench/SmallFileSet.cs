using System.Globalization;
using System.Text;

namespace KafkaRecon.Bench;

/// <summary>K2HB files of a few lines each, spread over topic partitions, generated once into the cache folder.</summary>
internal static class SmallFileSet
{
    public const int Groups = 16;
    public const int LinesPerFile = 5;

    /// <summary>Creates the files unless the folder exists; returns their total size in bytes.</summary>
    public static long Ensure(string folder, int files)
    {
        if (!Directory.Exists(folder))
        {
            var staging = folder + ".tmp";
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            Directory.CreateDirectory(staging);
            var line = new StringBuilder();
            for (var i = 0; i < files; i++)
            {
                var partition = i % Groups;
                var offset = (long)(i / Groups) * LinesPerFile;
                line.Clear();
                for (var l = 0; l < LinesPerFile; l++)
                {
                    line.Append(CultureInfo.InvariantCulture,
                        $"{i:x8}{l:x4}5f95dcb81106c1cb|{1709310236969 + i}|core|claimant|K2HB|K2HB|{i}|MONGO_UPDATE\n");
                }
                var name = string.Create(CultureInfo.InvariantCulture,
                    $"db.core.claimant_{partition}_{offset}-db.core.claimant_{partition}_{offset + LinesPerFile - 1}.txt");
                File.WriteAllText(Path.Combine(staging, name), line.ToString());
            }
            Directory.Move(staging, folder);
        }
        return Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
    }
}

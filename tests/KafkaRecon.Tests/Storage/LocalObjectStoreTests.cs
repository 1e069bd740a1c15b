using System.Text;
using KafkaRecon.Operator.Storage;
using KafkaRecon.Tests.Coalescing;

namespace KafkaRecon.Tests.Storage;

public sealed class LocalObjectStoreTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly LocalObjectStore _store = new();

    public void Dispose() => _folder.Dispose();

    private async Task<List<StoredObject>> ListAsync()
    {
        var objects = new List<StoredObject>();
        await foreach (var stored in _store.ListAsync(_folder.Path, CancellationToken.None))
        {
            objects.Add(stored);
        }
        return objects;
    }

    private string Write(string name, string text)
    {
        var path = _folder.Combine(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static string Text(ObjectContent content) => Encoding.UTF8.GetString(content.Span);

    [Fact]
    public async Task Reads_each_file_whole_in_the_order_asked()
    {
        var texts = new Dictionary<string, string>
        {
            ["a-empty.txt"] = "",
            ["b-one.txt"] = "x",
            ["c-lines.txt"] = "one\ntwo\nthree\n",
            ["d-large.txt"] = new string('z', 200_000) + "\n",
        };
        foreach (var (name, text) in texts)
        {
            Write(name, text);
        }
        var objects = (await ListAsync()).AsEnumerable().Reverse().ToList();

        var contents = await _store.ReadWholeAsync(objects, 4, CancellationToken.None);

        Assert.Equal(objects.Select(o => texts[Path.GetFileName(o.Location)]), contents.Select(Text));
        Assert.Equal(objects, contents.Select(c => c.Object));
        foreach (var content in contents)
        {
            content.Dispose();
        }
    }

    [Fact]
    public async Task File_that_grew_after_it_was_listed_is_read_to_its_new_end()
    {
        var path = Write("grows.txt", "first\n");
        var listed = Assert.Single(await ListAsync());
        File.AppendAllText(path, new string('g', 100_000) + "\nlast\n");

        using var content = Assert.Single(await _store.ReadWholeAsync([listed], 1, CancellationToken.None));

        Assert.Equal(File.ReadAllText(path), Text(content));
    }

    [Fact]
    public async Task File_that_shrank_after_it_was_listed_is_read_as_it_is_now()
    {
        var path = Write("shrinks.txt", "one\ntwo\nthree\n");
        var listed = Assert.Single(await ListAsync());
        File.WriteAllText(path, "one\n");

        using var content = Assert.Single(await _store.ReadWholeAsync([listed], 1, CancellationToken.None));

        Assert.Equal("one\n", Text(content));
    }

    [Fact]
    public async Task Missing_file_fails_the_read_naming_the_file()
    {
        Write("a.txt", "a\n");
        var path = Write("b.txt", "b\n");
        var objects = await ListAsync();
        File.Delete(path);

        var error = await Assert.ThrowsAsync<ObjectReadException>(() => _store.ReadWholeAsync(objects, 2, CancellationToken.None));

        Assert.Equal(path, error.Location);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task File_held_exclusively_by_a_writer_is_not_read()
    {
        var path = Write("being-written.txt", "half a rec");
        var listed = Assert.Single(await ListAsync());
        await using var writer = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);

        var error = await Assert.ThrowsAsync<ObjectReadException>(() => _store.ReadWholeAsync([listed], 1, CancellationToken.None));

        Assert.Equal(path, error.Location);
    }

    [Fact]
    public async Task Deleting_many_files_removes_every_one_and_ignores_those_already_gone()
    {
        var paths = Enumerable.Range(0, 300).Select(i => Write($"f{i}.txt", "x\n")).ToList();
        File.Delete(paths[7]);

        await _store.DeleteAsync(paths, CancellationToken.None);

        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Listing_skips_unfinished_writes_and_is_in_ordinal_order()
    {
        Write("b.txt", "b");
        Write("B.txt", "B");
        Write(".a.txt.0123.tmp", "partial");
        Directory.CreateDirectory(_folder.Combine("sub"));
        Write(Path.Combine("sub", "a.txt"), "a");

        var names = (await ListAsync()).Select(o => Path.GetRelativePath(_folder.Path, o.Location)).ToList();

        Assert.Equal(["B.txt", "b.txt", Path.Combine("sub", "a.txt")], names);
    }
}

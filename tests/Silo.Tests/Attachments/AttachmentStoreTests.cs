using Collab.Silo.Attachments;
using Collab.Silo.Database;
using Collab.Silo.Tests.Infrastructure;

namespace Collab.Silo.Tests.Attachments;

/// <summary>
/// Both attachment stores as <c>Collab:Storage</c> picks them: the folder store with SQLite rows, PostgreSQL's bytea rows.
/// An upload that fails while its bytes arrive, or whose row cannot be written, leaves neither bytes nor a row.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AttachmentStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 0, 125, TimeSpan.Zero);

    private static IAttachmentStore StoreOf(EmptyDatabase empty, string dialect) => dialect == "sqlite"
        ? new FolderAttachmentStore(empty.Settings, new AttachmentTable(empty.Database))
        : new DatabaseAttachmentStore(new AttachmentTable(empty.Database));

    private static NewAttachment Attachment(string id, string owner = "lessonprep/lp-1") =>
        new(id, owner, $"学案 {id}.pdf", "application/pdf", "t-1", At);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string[] FilesUnder(EmptyDatabase empty) => Directory.Exists(Path.Combine(empty.Settings.DataDirectory, "attachments"))
        ? Directory.GetFiles(Path.Combine(empty.Settings.DataDirectory, "attachments"), "*", SearchOption.AllDirectories)
        : [];

    [Theory]
    [InlineData("sqlite", true)]
    [InlineData("sqlite", false)]
    [InlineData("postgres", true)]
    [InlineData("postgres", false)]
    public async Task Bytes_round_trip_list_per_owner_and_go_with_a_delete(string dialect, bool seekable)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var store = StoreOf(empty, dialect);
        var big = Bytes(3 * 1024 * 1024 + 17, seed: 1);
        Stream Source(byte[] bytes) => seekable ? new MemoryStream(bytes) : new OneWayStream(new MemoryStream(bytes));

        var saved = await store.SaveAsync(Attachment("f-big"), Source(big), CancellationToken.None);
        await store.SaveAsync(Attachment("f-small"), Source(Bytes(10, seed: 2)), CancellationToken.None);
        await store.SaveAsync(Attachment("f-other", owner: "exam/e-1"), Source(Bytes(5, seed: 3)), CancellationToken.None);

        Assert.Equal(new AttachmentRecord("f-big", "lessonprep/lp-1", "学案 f-big.pdf", "application/pdf", big.Length, "t-1", At), saved);
        Assert.Equal(saved, await store.FindAsync("f-big", CancellationToken.None));
        await using (var read = await store.OpenReadAsync("f-big", CancellationToken.None))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.Equal(big, copy.ToArray());
        }
        Assert.Equal(["f-big", "f-small"], (await store.ListAsync("lessonprep/lp-1", CancellationToken.None)).Select(r => r.Id).Order());
        Assert.True(await store.DeleteAsync("f-big", CancellationToken.None));
        Assert.False(await store.DeleteAsync("f-big", CancellationToken.None));
        Assert.Null(await store.FindAsync("f-big", CancellationToken.None));
        Assert.Equal(["f-small"], (await store.ListAsync("lessonprep/lp-1", CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(dialect == "sqlite" ? 2 : 0, FilesUnder(empty).Length);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_upload_that_breaks_off_half_way_leaves_no_bytes_and_no_row(string dialect)
    {
        await using var empty = await EmptyDatabase.MigratedAsync(dialect, postgres);
        var store = StoreOf(empty, dialect);
        var breaking = new BreakingStream(new MemoryStream(Bytes(1024 * 1024, seed: 4)), breakAfter: 300 * 1024);

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(Attachment("f-broken"), breaking, CancellationToken.None));

        Assert.True(breaking.BrokeOff);
        Assert.Null(await store.FindAsync("f-broken", CancellationToken.None));
        Assert.Empty(await store.ListAsync("lessonprep/lp-1", CancellationToken.None));
        Assert.Empty(FilesUnder(empty));
        // The store goes on: the next upload of the same id is whole.
        await store.SaveAsync(Attachment("f-broken"), new MemoryStream(Bytes(100, seed: 5)), CancellationToken.None);
        Assert.Equal(100, (await store.FindAsync("f-broken", CancellationToken.None))!.Size);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_upload_whose_row_cannot_be_written_leaves_no_bytes(string dialect)
    {
        // A database without the schema: the bytes arrive, then the row's write fails.
        await using var empty = await EmptyDatabase.CreateAsync(dialect, postgres);
        var store = StoreOf(empty, dialect);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            store.SaveAsync(Attachment("f-norow"), new MemoryStream(Bytes(200 * 1024, seed: 6)), CancellationToken.None));

        Assert.Empty(FilesUnder(empty));
    }

    [Fact]
    public async Task Leftovers_of_a_crash_in_the_incoming_folder_are_removed_when_the_store_starts()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("sqlite", postgres);
        var incoming = Path.Combine(empty.Settings.DataDirectory, "attachments", "incoming");
        Directory.CreateDirectory(incoming);
        await File.WriteAllBytesAsync(Path.Combine(incoming, "f-halfwritten"), Bytes(50, seed: 7));

        var store = StoreOf(empty, "sqlite");

        Assert.Empty(FilesUnder(empty));
        Assert.Null(await store.FindAsync("f-halfwritten", CancellationToken.None));
    }

    [Fact]
    public async Task Files_a_crash_left_without_a_row_are_swept_once_past_the_grace_and_the_others_stay()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("sqlite", postgres);
        var store = (FolderAttachmentStore)StoreOf(empty, "sqlite");
        var kept = Bytes(64, seed: 8);
        await store.SaveAsync(Attachment("f-kept"), new MemoryStream(kept), CancellationToken.None);
        var folder = Path.Combine(empty.Settings.DataDirectory, "attachments");
        // As a crash between the rename and the row leaves them: whole files in place, no row.
        await File.WriteAllBytesAsync(Path.Combine(folder, "f-orphan"), Bytes(32, seed: 9));
        await File.WriteAllBytesAsync(Path.Combine(folder, "f-young"), Bytes(32, seed: 10));
        var now = DateTimeOffset.UtcNow;
        var old = (now - AttachmentOrphanSweep.Grace - TimeSpan.FromMinutes(1)).UtcDateTime;
        File.SetLastWriteTimeUtc(Path.Combine(folder, "f-orphan"), old);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "f-kept"), old);

        Assert.Equal(1, await store.SweepOrphansAsync(now, AttachmentOrphanSweep.Grace, CancellationToken.None));

        Assert.False(File.Exists(Path.Combine(folder, "f-orphan")));
        Assert.True(File.Exists(Path.Combine(folder, "f-young")));
        Assert.True(Directory.Exists(Path.Combine(folder, "incoming")));
        await using (var read = await store.OpenReadAsync("f-kept", CancellationToken.None))
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            Assert.Equal(kept, copy.ToArray());
        }
        File.SetLastWriteTimeUtc(Path.Combine(folder, "f-young"), old);
        Assert.Equal(1, await store.SweepOrphansAsync(now, AttachmentOrphanSweep.Grace, CancellationToken.None));
        Assert.Equal([Path.Combine(folder, "f-kept")], Directory.GetFiles(folder));
    }

    [Fact]
    public async Task An_id_that_is_a_path_is_never_found()
    {
        await using var empty = await EmptyDatabase.MigratedAsync("sqlite", postgres);
        var store = StoreOf(empty, "sqlite");

        Assert.Null(await store.FindAsync("../collab.db", CancellationToken.None));
        Assert.False(await store.DeleteAsync("../collab.db", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Attachment("../escape"), new MemoryStream([1]), CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(empty.Settings.DataDirectory, "collab.db")));
    }

    /// <summary>A stream of unknown length, as a request body is.</summary>
    private sealed class OneWayStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A seekable stream whose reads fail once <paramref name="breakAfter"/> bytes are read: a client gone mid-upload, a disk error.</summary>
    private sealed class BreakingStream(MemoryStream inner, int breakAfter) : Stream
    {
        public bool BrokeOff { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (inner.Position >= breakAfter)
            {
                BrokeOff = true;
                throw new IOException("the upload broke off");
            }
            return inner.Read(buffer, offset, (int)Math.Min(count, breakAfter - inner.Position));
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

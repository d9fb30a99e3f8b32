using System.Data;
using System.Data.Common;
using Collab.Silo.Attachments;
using Npgsql;
using NpgsqlTypes;

namespace Collab.Silo.Database;

/// <summary>
/// The <c>attachments</c> table (deploy/sql/*/attachments): the description of every attachment on both dialects, and
/// on PostgreSQL its bytes too, in the same row.
/// </summary>
public sealed class AttachmentTable(CollabDatabase database)
{
    private const string Columns = "id, owner, name, content_type, size, uploaded_by, uploaded_at";

    /// <summary>Writes the description alone (the embedded default, whose bytes are a file already durable).</summary>
    public Task InsertAsync(AttachmentRecord record, CancellationToken cancellationToken) => database.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO attachments ({Columns}) VALUES (@id, @owner, @name, @type, @size, @by, @at);";
        AddDescription(command, record);
        await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>
    /// Writes description and bytes as one statement, so a failure anywhere (the content stream, the connection, the
    /// server) leaves no row. Npgsql streams <paramref name="content"/> into the bytea as it sends the statement;
    /// PostgreSQL has it durable (WAL flushed) when the statement returns.
    /// </summary>
    public Task InsertWithContentAsync(AttachmentRecord record, Stream content, CancellationToken cancellationToken) => database.WriteAsync(async connection =>
    {
        await using var command = (NpgsqlCommand)connection.CreateCommand();
        command.CommandText = $"INSERT INTO attachments ({Columns}, content) VALUES (@id, @owner, @name, @type, @size, @by, @at, @content);";
        AddDescription(command, record);
        command.Parameters.Add(new NpgsqlParameter("@content", NpgsqlDbType.Bytea) { Value = content, Size = checked((int)record.Size) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    });

    public async Task<AttachmentRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM attachments WHERE id = @id;";
        SqlRows.Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AttachmentRecord>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM attachments WHERE owner = @owner ORDER BY uploaded_at, id;";
        SqlRows.Add(command, "@owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AttachmentRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }
        return records;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM attachments WHERE id = @id;";
            SqlRows.Add(command, "@id", id);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        });
        return deleted > 0;
    }

    /// <summary>
    /// The bytes of a PostgreSQL row as a stream read from the server as the caller reads it (sequential access), which
    /// holds its connection until disposed.
    /// </summary>
    public async Task<Stream> OpenContentAsync(string id, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var command = connection.CreateCommand();
            command.CommandText = "SELECT content FROM attachments WHERE id = @id;";
            SqlRows.Add(command, "@id", id);
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                throw new FileNotFoundException($"attachment {id} has no content");
            }
            return new RowStream(reader.GetStream(0), reader, command, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void AddDescription(DbCommand command, AttachmentRecord record)
    {
        SqlRows.Add(command, "@id", record.Id);
        SqlRows.Add(command, "@owner", record.Owner);
        SqlRows.Add(command, "@name", record.Name);
        SqlRows.Add(command, "@type", record.ContentType);
        SqlRows.Add(command, "@size", record.Size);
        SqlRows.Add(command, "@by", record.UploadedBy);
        SqlRows.Add(command, "@at", record.UploadedAt.ToUnixTimeMilliseconds());
    }

    private static AttachmentRecord Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToInt64(reader.GetValue(4)),
        reader.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6))));

    /// <summary>A column's stream that closes its reader, command and connection with it.</summary>
    private sealed class RowStream(Stream inner, DbDataReader reader, DbCommand command, DbConnection connection) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await connection.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                reader.Dispose();
                command.Dispose();
                connection.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

namespace Collab.Bench;

/// <summary>A child server's stdout and stderr, kept in a file (a full pipe would stall the server).</summary>
public sealed class ServerLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path) { AutoFlush = true };
    private bool _closed;

    public string Path => path;

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_writer)
        {
            // Output callbacks may still arrive after the process was killed and the log closed.
            if (!_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public string Tail(int lines)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
    }

    public void Dispose()
    {
        lock (_writer)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}

namespace Collab.Bench;

/// <summary>Finds the server process to measure from <c>--server-pid</c> or a <c>--server-process-name</c> match.</summary>
public static class ServerLocator
{
    public static ProcessProbe? Find(int? pid, string? nameFragment)
    {
        if (pid is { } given)
        {
            var probe = new ProcessProbe(given);
            return probe.IsAlive() ? probe : throw new ArgumentException($"no process {given}");
        }
        if (nameFragment is null)
        {
            return null;
        }
        // Not ourselves, nor `dotnet run` above us: their command lines hold the fragment as an argument.
        var excluded = SelfAndAncestors();
        var matches = new List<(int Pid, string CommandLine)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var candidate) || excluded.Contains(candidate))
            {
                continue;
            }
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (IOException)
            {
                continue; // the process ended while we looked
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Contains(nameFragment, StringComparison.Ordinal))
            {
                matches.Add((candidate, commandLine));
            }
        }
        return matches.Count switch
        {
            1 => new ProcessProbe(matches[0].Pid),
            0 => throw new ArgumentException($"no process whose command line contains '{nameFragment}'"),
            // Measuring the wrong process would give believable but meaningless numbers: refuse to guess.
            _ => throw new ArgumentException(
                $"several processes match '{nameFragment}':\n" + string.Join("\n", matches.Select(m => $"  {m.Pid}: {m.CommandLine}"))),
        };
    }

    private static HashSet<int> SelfAndAncestors()
    {
        var pids = new HashSet<int>();
        for (var pid = Environment.ProcessId; pid > 1 && pids.Add(pid);)
        {
            var parent = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("PPid:", StringComparison.Ordinal));
            if (parent is null || !int.TryParse(parent["PPid:".Length..].Trim(), out pid))
            {
                break;
            }
        }
        return pids;
    }
}

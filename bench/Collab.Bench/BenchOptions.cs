using System.Globalization;

namespace Collab.Bench;

/// <summary>The command line: a scenario name, then <c>--name value</c> options and the <c>--smoke</c> switch.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Collab.Bench -- <scenario> [options]

        scenarios
          groups        G groups x M members (all joined); one poster per group posts every P ms at a fixed schedule
          connections   N idle hub connections; server RSS per connection
          compare       starts B0 (bare SignalR) and Collab as child processes, runs `groups` on each, prints ratios
          coedit        D plans x E editors (client library); each editor inserts one character every P ms at a fixed
                        schedule; latency from the scheduled edit to each peer's receipt of the op carrying it
          coedit-compare  the baselines (--baselines, default b1,b2,sharedb) and then Collab, each started fresh, each
                        given the identical coedit load; prints each run and the ratios Collab/B1, Collab/B2, Collab/ShareDB
          coedit-ceiling  one plan, E editors, the rate doubling every step from --start-rate edits/s until p99 passes
                        --max-p99-ms, a call fails or receipts go missing
          exam          N candidates start one exam within T s of its opening, save an answer every S ms, submit; results verified
          classroom     one live 1+X classroom, 1 host class + X linked classes of N students (directory import, then
                        POST /api/classrooms); the host pushes a question, every student answers once at a seeded moment
                        within S s; answer ack latency, last answer -> host's and assistants' tally; B0 first, then Collab
                        (--spawn b0|collab for one of them)
          history       a lesson observed by O observers each writing a note every 500 ms (and re-rating) up to the 2,000-note limit, then a
                        tutoring room running sessions of 300 strokes each: command latency and server CPU per window of
                        the grain's history, to show that a command's cost does not grow with it (--spawn collab implied)

        options (defaults in brackets; --smoke changes them to a seconds-long run that fails on any error)
          --url URL                    server to drive [http://127.0.0.1:5000]
          --spawn collab|b0|b1|b2|sharedb  start that server as a child process instead of using --url (b1, b2,
                                       sharedb: coedit only; sharedb is node bench/sharedb/server.mjs, npm ci first
                                       when its node_modules is absent)
          --baselines LIST [b1,b2,sharedb]  coedit-compare: the baselines run before Collab, comma-separated
          --formats LIST [text]        coedit, coedit-compare: section formats, text and/or rich (PROTOCOL §9: Quill
                                       Deltas, each typed character bold, italic, coloured or underlined by editor);
                                       rich runs ShareDB's rich-text type and Collab rich (B1, B2 take text only), and
                                       the ratios add Collab rich/Collab and Collab rich/ShareDB rich-text
          --protocol json|messagepack [json]  the hub protocol of the load generator's connections (ShareDB: its own JSON)
          --server-pid PID             server process for CPU and RSS from /proc
          --server-process-name TEXT   or: the one process whose command line contains TEXT
          --groups G [50]  --members M [10]  --interval-ms P [200]  --text-length CHARS [100]
          --warmup S [10]  --duration S [30]  --drain S [10]
          --connections N [2000]  --settle S [5]  --connect-concurrency C [32]
          --hold S [0]                 connections: keep them open S s more after reporting (bench/connections.sh
                                       runs several load generators against one server to pass the per-process fd limit)
          --plans D [10]  --editors E [5; ceiling 10]  --start-rate R [50]  --step S [10]  --max-p99-ms MS [250]
          --root DIR                   checkout whose Api/bin/Release Api.dll compare and --spawn collab run [around the working directory]
          --smoke                      groups: 2 x 3, 100 ms, 1 s + 2 s; connections: 20; coedit: 2 x 3, 100 ms;
                                       exam: 20 candidates, 2 s, 500 ms, 2 s
          --candidates N [500]  --join-seconds T [30]  --save-interval-ms S [10000; 0 = each saves again on its ack]
          --lead-seconds L [5 + N/200]  time from publishing to opensAt, for the server to prepare the attempts
          directory: --people N [252000] --classes N [10000]   (--spawn collab is implied; --smoke: 3,000 and 100)
          classroom: --linked-classes X [30] --class-size N [50] --answer-seconds S [10]   (--smoke: 2, 5, 2)
          history: --observers O [40] --notes N [2000] --sessions S [10]   (--smoke: 4, 100, 2 of 30 strokes)
          --nodes N [1]                exam: N Collab nodes of one cluster on PostgreSQL (clustering too), candidate i on node i mod N
          --storage sqlite|postgres [sqlite]  --connection-string TEXT   with --spawn collab: where Collab keeps its state
        """;

    private static readonly HashSet<string> Scenarios = ["groups", "connections", "compare", "coedit", "coedit-compare", "coedit-ceiling", "exam", "directory", "history", "classroom"];

    public required string Scenario { get; init; }
    public string Url { get; init; } = "http://127.0.0.1:5000";
    public string? Spawn { get; init; }
    public int? ServerPid { get; init; }
    public string? ServerProcessName { get; init; }
    public bool Smoke { get; init; }
    public int Groups { get; init; }
    public int Members { get; init; }
    public int IntervalMs { get; init; }
    public int TextLength { get; init; }
    public double WarmupSeconds { get; init; }
    public double DurationSeconds { get; init; }
    public double DrainSeconds { get; init; }
    public int Connections { get; init; }
    public double SettleSeconds { get; init; }
    public double HoldSeconds { get; init; }
    public int ConnectConcurrency { get; init; }
    public string? Root { get; init; }
    public int Plans { get; init; }
    public int Editors { get; init; }
    public double StartRate { get; init; }
    public double StepSeconds { get; init; }
    public double MaxP99Ms { get; init; }
    public int Candidates { get; init; }
    public double JoinSeconds { get; init; }
    public int SaveIntervalMs { get; init; }
    public double? LeadSeconds { get; init; }
    public int People { get; init; }
    public int Classes { get; init; }
    public int Nodes { get; init; }
    public int LinkedClasses { get; init; }
    public int ClassSize { get; init; }
    public double AnswerSeconds { get; init; }
    public int Observers { get; init; }
    public int Notes { get; init; }
    public int Sessions { get; init; }
    public string Storage { get; init; } = "sqlite";
    public string? ConnectionString { get; init; }
    public IReadOnlyList<string> Baselines { get; init; } = ["b1", "b2", "sharedb"];
    public string Protocol { get; init; } = "json";
    public IReadOnlyList<string> Formats { get; init; } = ["text"];

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Scenarios.Contains(args[0]))
        {
            throw new ArgumentException($"the first argument is the scenario: {string.Join(", ", Scenarios)}");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var smoke = false;
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--smoke")
            {
                smoke = true;
                continue;
            }
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unexpected argument '{name}'");
            }
            values[name[2..]] = args[++i];
        }

        var reader = new OptionReader(values);
        var options = new BenchOptions
        {
            Scenario = args[0],
            Smoke = smoke,
            Url = reader.Text("url") ?? "http://127.0.0.1:5000",
            Spawn = reader.Text("spawn"),
            ServerPid = reader.OptionalInt("server-pid"),
            ServerProcessName = reader.Text("server-process-name"),
            Groups = reader.Int("groups", smoke ? 2 : 50),
            Members = reader.Int("members", smoke ? 3 : 10),
            IntervalMs = reader.Int("interval-ms", smoke ? 100 : 200),
            TextLength = reader.Int("text-length", 100),
            WarmupSeconds = reader.Double("warmup", smoke ? 1 : 10),
            DurationSeconds = reader.Double("duration", smoke ? 2 : 30),
            DrainSeconds = reader.Double("drain", smoke ? 5 : 10),
            Connections = reader.Int("connections", smoke ? 20 : 2000),
            SettleSeconds = reader.Double("settle", smoke ? 1 : 5),
            HoldSeconds = reader.Double("hold", 0),
            ConnectConcurrency = reader.Int("connect-concurrency", 32),
            Root = reader.Text("root"),
            Plans = reader.Int("plans", smoke ? 2 : 10),
            Editors = reader.Int("editors", smoke ? 3 : args[0] == "coedit-ceiling" ? 10 : 5),
            StartRate = reader.Double("start-rate", smoke ? 20 : 50),
            StepSeconds = reader.Double("step", smoke ? 2 : 10),
            MaxP99Ms = reader.Double("max-p99-ms", 250),
            Candidates = reader.Int("candidates", smoke ? 20 : 500),
            JoinSeconds = reader.Double("join-seconds", smoke ? 2 : 30),
            SaveIntervalMs = reader.Int("save-interval-ms", smoke ? 500 : 10_000),
            LeadSeconds = reader.Text("lead-seconds") is { } lead ? double.Parse(lead, CultureInfo.InvariantCulture) : smoke ? 3 : null,
            People = reader.Int("people", 252_000),
            Classes = reader.Int("classes", 10_000),
            Nodes = reader.Int("nodes", 1),
            LinkedClasses = reader.Int("linked-classes", smoke ? 2 : 30),
            ClassSize = reader.Int("class-size", smoke ? 5 : 50),
            AnswerSeconds = reader.Double("answer-seconds", smoke ? 2 : 10),
            Observers = reader.Int("observers", smoke ? 4 : 40),
            Notes = reader.Int("notes", smoke ? 100 : 2000),
            Sessions = reader.Int("sessions", smoke ? 2 : 10),
            Storage = reader.Text("storage") ?? "sqlite",
            ConnectionString = reader.Text("connection-string"),
            Baselines = (reader.Text("baselines") ?? "b1,b2,sharedb").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Protocol = reader.Text("protocol") ?? "json",
            Formats = (reader.Text("formats") ?? "text").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        reader.RejectUnused();
        if (options.Spawn is not null and not ("collab" or "b0" or "b1" or "b2" or "sharedb"))
        {
            throw new ArgumentException("--spawn is collab, b0, b1, b2 or sharedb");
        }
        if (options.Spawn == "sharedb" && options.Scenario != "coedit")
        {
            throw new ArgumentException("--spawn sharedb takes the coedit scenario only (ShareDB serves documents, not Collab's hubs)");
        }
        if (options.Baselines.Count == 0 || options.Baselines.Any(b => b is not ("b1" or "b2" or "sharedb")))
        {
            throw new ArgumentException("--baselines lists b1, b2 and/or sharedb (B0 keeps no documents, so it cannot take co-editing)");
        }
        if (options.Formats.Count == 0 || options.Formats.Any(f => f is not ("text" or "rich")) || options.Formats.Distinct().Count() != options.Formats.Count)
        {
            throw new ArgumentException("--formats lists text and/or rich, each once");
        }
        if (options.Protocol is not ("json" or "messagepack"))
        {
            throw new ArgumentException("--protocol is json or messagepack");
        }
        if (options.Plans < 1 || options.Editors < 2 || options.StartRate <= 0 || options.StepSeconds <= 0)
        {
            throw new ArgumentException("--plans, --start-rate and --step are positive, --editors at least 2");
        }
        if (options.Groups < 1 || options.Members < 1 || options.IntervalMs < 1 || options.TextLength < 1 || options.Connections < 1)
        {
            throw new ArgumentException("--groups, --members, --interval-ms, --text-length and --connections are positive");
        }
        if (options.Storage is not ("sqlite" or "postgres") || (options.Storage == "postgres" && options.ConnectionString is null))
        {
            throw new ArgumentException("--storage is sqlite or postgres; postgres needs --connection-string");
        }
        if (options.Candidates < 1 || options.JoinSeconds < 0 || options.SaveIntervalMs < 0)
        {
            throw new ArgumentException("--candidates is positive; --join-seconds and --save-interval-ms are not negative");
        }
        if (options.Nodes < 1 || (options.Nodes > 1 && (options.Scenario != "exam" || options.Storage != "postgres")))
        {
            throw new ArgumentException("--nodes above 1 takes the exam scenario on --storage postgres (one Orleans cluster through its membership table)");
        }
        if (options.LinkedClasses is < 0 or > 40 || options.ClassSize is < 1 or > 500 || options.AnswerSeconds < 0)
        {
            throw new ArgumentException("--linked-classes is 0-40 (the classroom's limit), --class-size 1-500, --answer-seconds not negative");
        }
        if (options.Observers < 1 || options.Notes < 4 || options.Sessions < 1)
        {
            throw new ArgumentException("--observers and --sessions are positive, --notes at least 4");
        }
        return options;
    }

    private sealed class OptionReader(Dictionary<string, string> values)
    {
        private readonly HashSet<string> _used = [];

        public string? Text(string name)
        {
            _used.Add(name);
            return values.GetValueOrDefault(name);
        }

        public int Int(string name, int fallback) => OptionalInt(name) ?? fallback;

        public int? OptionalInt(string name) =>
            Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

        public double Double(string name, double fallback) =>
            Text(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        public void RejectUnused()
        {
            var unknown = values.Keys.Where(key => !_used.Contains(key)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown.Select(name => "--" + name))}");
            }
        }
    }
}

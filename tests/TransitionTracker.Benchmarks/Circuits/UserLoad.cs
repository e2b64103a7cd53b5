using System.Diagnostics;
using System.Globalization;
using TransitionTracker.Benchmarks.Circuits.Protocol;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// `load`: N live pages, every one signed in as a user who may do what it does, all working at once with a pause to
/// think between actions; the pages are opened by an <see cref="ILoadClient"/>: one headless Chromium, a context each
/// (`--client browser`, the default: <see cref="BrowserLoad"/>), or circuits spoken to over the Blazor Server protocol
/// without a browser (`--client protocol`: <see cref="ProtocolLoad"/>), which drives many more on a small machine.
/// Two of every three are regional leads on their region's dashboard: they sort the consortia table, open a consortium
/// from it, and go back to the dashboard. The third is a PCT manager changing answers in a readiness checklist of one
/// of its consortia (each draft has one writer while there are enough PCT–consortium pairs; beyond that, writers share
/// drafts and the clashes are counted). Each action is timed from the click to the render it causes. The app's CPU
/// time per action is read from /proc before and after. Prints figures (docs/performance.md, "Load: users at work").
/// </summary>
public static class UserLoad
{
    private static readonly string[] SortColumns = ["Consortium", "Host PCT", "Stage", "Population", "Score", "Track", "Last assessed"];

    private sealed record Options(Uri BaseAddress, string Password, string ReferenceData, int Circuits, int Duration, int WarmUp, int Think, int? ProcessId, string Client);

    private sealed class Tally
    {
        public readonly List<double> Sort = [];
        public readonly List<double> Open = [];
        public readonly List<double> Back = [];
        public readonly List<double> Answer = [];
        public int Saved;
        public int HeldBack;
        public int Failed;
        public int Errors;

        public int Count => Sort.Count + Open.Count + Back.Count + Answer.Count;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"load: {e.Message}");
            await Console.Error.WriteLineAsync("usage: load --base URL --password P --reference-data src/TransitionTracker.Data/ReferenceData [--circuits 50] [--duration 60] [--warm-up 20] [--think 3000] [--pid APP_PID] [--client browser|protocol]");
            return 2;
        }

        await using ILoadClient? client = options.Client == "protocol"
            ? new ProtocolLoad(options.BaseAddress, options.Password)
            : await BrowserLoad.LaunchAsync(options.BaseAddress, options.Password);
        if (client is null)
        {
            return 2;
        }

        var regions = ReadColumn(Path.Combine(options.ReferenceData, "shas.csv"), 0).Distinct().ToList();
        var drafts = File.ReadLines(Path.Combine(options.ReferenceData, "pct_ccg_successors.csv")).Skip(1)
            .Select(line => line.Split(',')).Select(f => (Pct: f[0], Consortium: f[1])).Distinct().ToList();

        var workers = new List<ILoadPage>(options.Circuits);
        var skipped = 0;
        var writers = 0;
        try
        {
            // Who opens what: two dashboards, then a checklist, and so on; each user signed in once.
            var plan = new List<(string Email, string Path, bool Checklist)>();
            var next = 0;
            for (var i = 0; plan.Count < options.Circuits * 2; i++)
            {
                var checklist = i % 3 == 2;
                if (checklist)
                {
                    var (pct, consortium) = drafts[next++ % drafts.Count];
                    plan.Add(($"pct.{pct.ToLowerInvariant()}@demo.test", $"/consortia/{consortium}/assessments/gp-consortium-readiness-2010?domain=governance", true));
                }
                else
                {
                    var region = regions[i % regions.Count];
                    plan.Add(($"regional.{region.ToLowerInvariant()}@demo.test", $"/regions/{region}", false));
                }
            }

            // Opened four at a time; an address this user cannot open (a consortium with no checklist) is skipped.
            var queue = new Queue<(string Email, string Path, bool Checklist)>(plan);
            while (workers.Count < options.Circuits && queue.Count > 0)
            {
                var batch = new List<(string Email, string Path, bool Checklist)>();
                while (batch.Count < Math.Min(4, options.Circuits - workers.Count) && queue.Count > 0)
                {
                    batch.Add(queue.Dequeue());
                }

                foreach (var (email, _, _) in batch)
                {
                    await client.SignInAsync(email);
                }

                foreach (var worker in await Task.WhenAll(batch.Select(b => client.OpenAsync(b.Email, b.Path, b.Checklist))))
                {
                    if (worker is null)
                    {
                        skipped++;
                        continue;
                    }

                    workers.Add(worker);
                    writers += worker.Checklist ? 1 : 0;
                    if (workers.Count % 25 == 0)
                    {
                        Console.WriteLine($"{workers.Count} pages open");
                    }
                }
            }

            if (workers.Count < options.Circuits)
            {
                throw new InvalidOperationException($"Only {workers.Count} pages could be opened; is the demo data there?");
            }

            Console.WriteLine($"{workers.Count} pages open ({workers.Count - writers} dashboards, {writers} checklists on {Math.Min(writers, drafts.Count)} drafts; {skipped} addresses skipped)");

            // Everyone works through the warm-up; then the same again, measured.
            await WorkAsync(workers, options, TimeSpan.FromSeconds(options.WarmUp), new Tally());
            var tally = new Tally();
            var cpuBefore = CpuMilliseconds(options.ProcessId);
            var clock = Stopwatch.StartNew();
            await WorkAsync(workers, options, TimeSpan.FromSeconds(options.Duration), tally);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = options.ProcessId is null ? -1 : CpuMilliseconds(options.ProcessId) - cpuBefore;
            Report(options, workers.Count, tally, seconds, cpu);
            return tally.Errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task WorkAsync(List<ILoadPage> workers, Options options, TimeSpan length, Tally tally)
    {
        var until = DateTime.UtcNow + length;
        await Task.WhenAll(workers.Select((worker, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            for (var step = random.Next(3); DateTime.UtcNow < until; step++)
            {
                await Task.Delay(random.Next(options.Think / 2, options.Think * 3 / 2 + 1));
                if (DateTime.UtcNow >= until)
                {
                    break;
                }

                try
                {
                    if (worker.Checklist)
                    {
                        var (took, state) = await worker.AnswerAsync(random.Next(100));
                        lock (tally)
                        {
                            tally.Answer.Add(took);
                            if (state == "saved")
                            {
                                tally.Saved++;
                            }
                            else if (state == "held")
                            {
                                tally.HeldBack++;
                            }
                            else
                            {
                                tally.Failed++;
                            }
                        }

                        continue;
                    }

                    // A dashboard user: sort, sort, open a consortium, back to the dashboard.
                    switch (worker.OnConsortium ? 3 : step % 3)
                    {
                        case 0 or 1:
                            var sorted = await worker.SortAsync(SortColumns[random.Next(SortColumns.Length)]);
                            lock (tally)
                            {
                                tally.Sort.Add(sorted);
                            }

                            break;
                        case 2:
                            var opened = await worker.OpenConsortiumAsync(random.Next(100));
                            lock (tally)
                            {
                                tally.Open.Add(opened);
                            }

                            break;
                        default:
                            var back = await worker.BackAsync();
                            lock (tally)
                            {
                                tally.Back.Add(back);
                            }

                            break;
                    }
                }
                catch (Exception e) when (worker.IsActionFailure(e))
                {
                    lock (tally)
                    {
                        tally.Errors++;
                    }

                    Console.Error.WriteLine($"load: {worker.Where}: {e.Message.Split('\n')[0]}");
                    if (!worker.Checklist)
                    {
                        await worker.RecoverAsync();
                    }
                }
            }
        })));
    }

    private static void Report(Options options, int circuits, Tally tally, double seconds, long cpu)
    {
        var all = tally.Sort.Concat(tally.Open).Concat(tally.Back).Concat(tally.Answer).ToList();
        all.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{circuits} circuits for {seconds:F0} s (think {options.Think / 2}–{options.Think * 3 / 2} ms between actions): {tally.Count} actions ({tally.Count / seconds:F1} a second), {tally.Errors} errors"));
        Console.WriteLine(Line("sort the consortia table", tally.Sort));
        Console.WriteLine(Line("open a consortium from the table", tally.Open));
        Console.WriteLine(Line("back to the dashboard", tally.Back));
        Console.WriteLine(Line("change a checklist answer (to the new score)", tally.Answer));
        Console.WriteLine($"  answers: {tally.Saved} saved, {tally.HeldBack} held back as a clash with another writer, {tally.Failed} not saved");
        var cpuPer = tally.Count > 0 && cpu >= 0 ? (double)cpu / tally.Count : double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  app CPU: {(cpu >= 0 ? $"{cpu} ms over {seconds:F0} s, {cpuPer:F1} ms per action ({cpu / seconds / 10:F0} % of one core)" : "not read (no --pid)")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LOAD circuits={circuits} actions={tally.Count} errors={tally.Errors} p50={Pct(all, 50):F1} p95={Pct(all, 95):F1} max={(all.Count > 0 ? all[^1] : 0):F1} cpu_ms_per_action={cpuPer:F2} held_back={tally.HeldBack} failed={tally.Failed}"));
    }

    private static double Pct(List<double> sorted, int percent) => sorted.Count == 0 ? double.NaN : CommandLine.Percentile(sorted, percent);

    private static string Line(string what, List<double> values)
    {
        values.Sort();
        return values.Count == 0
            ? $"  {what}: none"
            : string.Create(CultureInfo.InvariantCulture,
                $"  {what}: {values.Count}, p50 {Pct(values, 50):0.0} ms, p95 {Pct(values, 95):0.0} ms, max {values[^1]:0.0} ms");
    }

    // The app's CPU time so far (user + system) from /proc/<pid>/stat, in milliseconds; -1 without a process id.
    private static long CpuMilliseconds(int? processId)
    {
        if (processId is not { } pid)
        {
            return -1;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000 / ClockTicksPerSecond;
    }

    // USER_HZ, 100 on every Linux this runs on.
    private const long ClockTicksPerSecond = 100;

    private static IEnumerable<string> ReadColumn(string file, int column) =>
        File.ReadLines(file).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')[column]);

    private static Options Parse(string[] args)
    {
        var line = new CommandLine(args);
        var referenceData = line.Required("reference-data");
        if (!File.Exists(Path.Combine(referenceData, "shas.csv")))
        {
            throw new ArgumentException($"--reference-data: no shas.csv in {referenceData}.");
        }

        int? pid = line.Switch("pid") ? line.Count("pid", 0, 1) : null;
        return new Options(line.BaseAddress(), line.Required("password"), referenceData, line.Count("circuits", 50, 1), line.Count("duration", 60, 1),
            line.Count("warm-up", 20, 0), line.Count("think", 3000, 2), pid, line.Optional("client", "browser") switch
            {
                var client when client is "browser" or "protocol" => client,
                var other => throw new ArgumentException($"--client must be browser or protocol, not '{other}'."),
            });
    }
}

/// <summary>What opens the load's pages: a browser, or the protocol client.</summary>
internal interface ILoadClient : IAsyncDisposable
{
    /// <summary>Signs the user in (once; again is a no-op).</summary>
    Task SignInAsync(string email);

    /// <summary>Opens the page live for a signed-in user; null when this user cannot open it.</summary>
    Task<ILoadPage?> OpenAsync(string email, string path, bool checklist);
}

/// <summary>One live page of the load and the actions its user takes, each timed to the render it causes, in ms.</summary>
internal interface ILoadPage : IAsyncDisposable
{
    bool Checklist { get; }

    /// <summary>Where the page is now, for an error message.</summary>
    string Where { get; }

    bool OnConsortium { get; }

    Task<double> SortAsync(string column);

    Task<double> OpenConsortiumAsync(int index);

    Task<double> BackAsync();

    /// <summary>Changes one answer; times it to the new score, then says how its save ended (saved, held, failed…).</summary>
    Task<(double Took, string State)> AnswerAsync(int index);

    /// <summary>Whether the exception is an action that failed (counted as an error), not a fault of the driver.</summary>
    bool IsActionFailure(Exception e);

    /// <summary>Back to a known state after a failed action: the dashboard, loaded again.</summary>
    Task RecoverAsync();
}

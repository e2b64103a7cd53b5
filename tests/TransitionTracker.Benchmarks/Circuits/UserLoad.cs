using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// `load`: N live pages in one headless Chromium (a context each), every one signed in as a user who may do what it
/// does, all working at once with a pause to think between actions. Two of every three are regional leads on their
/// region's dashboard: they sort the consortia table, open a consortium from it, and go back to the dashboard. The
/// third is a PCT manager changing answers in a readiness checklist of one of its consortia (each draft has one
/// writer while there are enough PCT–consortium pairs; beyond that, writers share drafts and the clashes are counted).
/// Each action is timed in the browser from the click to the render it causes. The app's CPU time per action is read
/// from /proc before and after. Prints figures (docs/performance.md, "Load: users at work").
/// </summary>
public static class UserLoad
{
    // Clicks the sort button of a column of the consortia table; resolves at the first change to its rows afterwards.
    private const string SortScript = """
        async ([column]) => {
          const th = [...document.querySelectorAll('#consortia-table th')].find(h => h.textContent.includes(column));
          if (!th) throw new Error(`no column ${column}`);
          const button = [...th.querySelectorAll('button')].find(b => /sort/i.test(b.getAttribute('aria-label') ?? b.title ?? ''))
            ?? th.querySelector('.mud-table-sort-label, .sortable-column-header');
          const body = document.querySelector('#consortia-table tbody');
          const t0 = performance.now();
          await new Promise((resolve, reject) => {
            const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
            observer.observe(body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); reject(new Error('no render within 10 s')); }, 10000);
            button.click();
          });
          return performance.now() - t0;
        }
        """;

    // Clicks the link of one consortium in the table; resolves when its page's heading names it.
    private const string OpenConsortiumScript = """
        async ([index]) => {
          const links = [...document.querySelectorAll('#consortia-table a[data-code]')];
          const link = links[index % links.length];
          const name = link.textContent.trim();
          const t0 = performance.now();
          await new Promise((resolve, reject) => {
            const done = () => location.pathname.startsWith('/consortia/') && (document.querySelector('h1')?.textContent ?? '').includes(name);
            const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(); } });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); reject(new Error('no render within 10 s')); }, 10000);
            link.click();
          });
          return performance.now() - t0;
        }
        """;

    // Goes back to the dashboard (the circuit's router, no page load); resolves when its table is there again.
    private const string BackScript = """
        async () => {
          const t0 = performance.now();
          await new Promise((resolve, reject) => {
            const done = () => location.pathname.startsWith('/regions/') && document.querySelector('#consortia-table tbody tr a[data-code]');
            const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(); } });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); reject(new Error('no render within 10 s')); }, 10000);
            history.back();
          });
          return performance.now() - t0;
        }
        """;

    // Changes one answer; resolves when the score on screen changes. Then waits (untimed) for the save to settle and
    // says how it ended: saved, held back (a clash with another writer) or failed.
    private const string AnswerScript = """
        async ([index]) => {
          const groups = [...document.querySelectorAll('.mud-panel-expanded .app-criterion[data-criterion]')];
          const group = groups[index % groups.length];
          const labels = [...group.querySelectorAll('label')];
          const met = labels.find(l => l.textContent.trim() === 'Met').querySelector('input');
          const inProgress = labels.find(l => l.textContent.trim() === 'In progress').querySelector('input');
          const input = met.checked ? inProgress : met;
          const score = document.querySelector('#live-score');
          const before = score.textContent;
          const t0 = performance.now();
          await new Promise((resolve, reject) => {
            const observer = new MutationObserver(() => { if (score.textContent !== before) { observer.disconnect(); resolve(); } });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); reject(new Error('no render within 10 s')); }, 10000);
            input.click();
          });
          const took = performance.now() - t0;
          const state = () => [...document.querySelector('#save-state').classList].find(c => c.startsWith('app-save-state--'))?.slice(16) ?? '';
          for (let i = 0; i < 200 && (state() === 'saving' || state() === 'waiting'); i++) {
            await new Promise(r => setTimeout(r, 50));
          }
          return [took, state()];
        }
        """;

    private static readonly string[] SortColumns = ["Consortium", "Host PCT", "Stage", "Population", "Score", "Track", "Last assessed"];

    private sealed record Options(Uri BaseAddress, string Password, string ReferenceData, int Circuits, int Duration, int WarmUp, int Think, int? ProcessId);

    private sealed record Worker(IBrowserContext Context, IPage Page, bool Checklist, string Home);

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
            await Console.Error.WriteLineAsync("usage: load --base URL --password P --reference-data src/TransitionTracker.Data/ReferenceData [--circuits 50] [--duration 60] [--warm-up 20] [--think 3000] [--pid APP_PID]");
            return 2;
        }

        await using var session = await BrowserSession.LaunchAsync("load");
        if (session is null)
        {
            return 2;
        }

        var regions = ReadColumn(Path.Combine(options.ReferenceData, "shas.csv"), 0).Distinct().ToList();
        var drafts = File.ReadLines(Path.Combine(options.ReferenceData, "pct_ccg_successors.csv")).Skip(1)
            .Select(line => line.Split(',')).Select(f => (Pct: f[0], Consortium: f[1])).Distinct().ToList();


        var signedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var workers = new List<Worker>(options.Circuits);
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
                    if (!signedIn.ContainsKey(email))
                    {
                        signedIn[email] = await session.SignInAsync(options.BaseAddress, email, options.Password);
                    }
                }

                foreach (var worker in await Task.WhenAll(batch.Select(b => OpenAsync(session, options, signedIn[b.Email], b.Path, b.Checklist))))
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
            var cpu = CpuMilliseconds(options.ProcessId) - cpuBefore;
            Report(options, workers.Count, tally, seconds, cpu);
            return tally.Errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.Context.CloseAsync();
            }
        }
    }

    private static async Task WorkAsync(List<Worker> workers, Options options, TimeSpan length, Tally tally)
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
                        var result = await worker.Page.EvaluateAsync<object[]>(AnswerScript, new object[] { random.Next(100) });
                        var took = Convert.ToDouble(result[0], CultureInfo.InvariantCulture);
                        var state = Convert.ToString(result[1], CultureInfo.InvariantCulture);
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
                    var onConsortium = new Uri(worker.Page.Url).AbsolutePath.StartsWith("/consortia/", StringComparison.Ordinal);
                    switch (onConsortium ? 3 : step % 3)
                    {
                        case 0 or 1:
                            var sorted = await worker.Page.EvaluateAsync<double>(SortScript, new object[] { SortColumns[random.Next(SortColumns.Length)] });
                            lock (tally)
                            {
                                tally.Sort.Add(sorted);
                            }

                            break;
                        case 2:
                            var opened = await worker.Page.EvaluateAsync<double>(OpenConsortiumScript, new object[] { random.Next(100) });
                            lock (tally)
                            {
                                tally.Open.Add(opened);
                            }

                            break;
                        default:
                            var back = await worker.Page.EvaluateAsync<double>(BackScript);
                            lock (tally)
                            {
                                tally.Back.Add(back);
                            }

                            break;
                    }
                }
                catch (PlaywrightException e)
                {
                    lock (tally)
                    {
                        tally.Errors++;
                    }

                    Console.Error.WriteLine($"load: {worker.Page.Url}: {e.Message.Split('\n')[0]}");
                    if (!worker.Checklist)
                    {
                        // Back to a known state: the dashboard, loaded again.
                        await worker.Page.GotoAsync(worker.Home);
                        await worker.Page.Locator("#consortia-table tbody tr a[data-code]").First.WaitForAsync();
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

    // Opens the page live; null (and the context closed) when this user cannot open it.
    private static async Task<Worker?> OpenAsync(BrowserSession session, Options options, string signedIn, string path, bool checklist)
    {
        var context = await session.NewContextAsync(options.BaseAddress, signedIn, new ViewportSize { Width = 1280, Height = 900 });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        if (response is null || response.Status != 200)
        {
            await context.CloseAsync();
            return null;
        }

        try
        {
            await page.Locator("main[data-live=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{path} did not become live within 30 s (at {page.Url}).", e);
        }
        if (checklist)
        {
            var start = page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" });
            if (await start.CountAsync() > 0)
            {
                await start.ClickAsync();
            }

            await page.Locator("#save-state").WaitForAsync();
            if (await page.Locator(".mud-panel-expanded .app-criterion[data-criterion]").CountAsync() == 0)
            {
                await context.CloseAsync();
                return null;
            }
        }
        else
        {
            await page.Locator("#consortia-table tbody tr a[data-code]").First.WaitForAsync();
        }

        return new Worker(context, page, checklist, path);
    }

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
            line.Count("warm-up", 20, 0), line.Count("think", 3000, 2), pid);
    }
}

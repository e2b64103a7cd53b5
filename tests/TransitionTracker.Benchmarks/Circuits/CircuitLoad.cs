using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// `circuits`: opens one page in each of N headless Chromium contexts, one after another, signed in as one user, and
/// leaves them open and idle. For each it measures the time from the first byte of the page to the moment its
/// circuit is live (the layout's <c>main</c> gets <c>data-live="true"</c> in the circuit's first render). Before and
/// after, it reads the app's <c>/dev/memory</c> (heap after a full collection, resident memory, open circuits), so the
/// memory each idle circuit holds is the difference over N. With <c>--pause</c> it then pauses every page's circuit
/// (<c>Blazor.pauseCircuit()</c>, as a tab hidden for a while does) and reads the memory again: what a paused page
/// costs the server. With <c>--idle</c> (against an app with a short <c>Circuits:PauseIdlePageAfter</c>) it instead
/// leaves the pages alone until every one has paused itself for want of use and holds its wake socket, and reads the
/// memory then: what an open page nobody is using costs the server. With <c>--step M</c> as well it reads the memory
/// once the first M pages are idle too, so that the cost of each page beyond them (the slope) leaves out what the
/// process grows by once, whatever the number of pages (code compiled again as it warms, pools). Prints figures; the
/// targets are judged by the load script (docs/performance.md, "Circuits").
/// </summary>
public static class CircuitLoad
{
    private const string LiveMarkerScript = """
        (() => {
          const mark = () => {
            if (window.__liveAt === undefined && document.querySelector('main[data-live="true"]')) {
              window.__liveAt = performance.now();
            }
          };
          new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-live'] });
        })();
        """;

    // Kestrel's keep-alive timeout (130 s by default): each browser context keeps the connection its page loaded
    // through open and unused until the server closes it, a cost of the browser's, not of a paused page's; the paused
    // and idle readings are taken after it.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(135);

    private sealed record Options(Uri BaseAddress, string Path, string Email, string Password, int Contexts, int WarmUp, bool Pause, bool Idle, int Hold, int Step);

    private sealed record Memory(long ManagedBytes, long CommittedBytes, long ResidentBytes, int OpenCircuits, int LiveWatchers);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"circuits: {e.Message}");
            await Console.Error.WriteLineAsync("usage: circuits --base URL --path /consortia/00G --email E --password P [--contexts 100] [--warm-up 5] [--pause | --idle [--step M]] [--hold SECONDS]");
            return 2;
        }

        await using var session = await BrowserSession.LaunchAsync("circuits");
        if (session is null)
        {
            return 2;
        }

        using var http = new HttpClient { BaseAddress = options.BaseAddress };

        var signedIn = await session.SignInAsync(options.BaseAddress, options.Email, options.Password);

        // Pages opened and closed first, so that first-use costs (JIT, first queries) are not in the figures.
        for (var i = 0; i < options.WarmUp; i++)
        {
            var (context, _) = await OpenAsync(session, options, signedIn);
            await CloseAsync(context);
        }

        await WaitForCircuitsAsync(http, expected: 0);
        var before = await SettledMemoryAsync(http);
        var contexts = new List<IBrowserContext>(options.Contexts);
        var pages = new List<IPage>(options.Contexts);
        var delays = new List<double>(options.Contexts);
        Memory? step = null;
        try
        {
            for (var i = 0; i < options.Contexts; i++)
            {
                var (context, delay) = await OpenAsync(session, options, signedIn);
                contexts.Add(context);
                pages.Add(context.Pages[0]);
                delays.Add(delay);
                if ((i + 1) % 25 == 0)
                {
                    Console.WriteLine($"{i + 1} contexts open");
                }

                if (options.Idle && i + 1 == options.Step)
                {
                    await WaitUntilIdleAsync(pages);
                    await WaitForCircuitsAsync(http, before.OpenCircuits);
                    await Task.Delay(KeepAlive);
                    step = await SettledMemoryAsync(http);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Step} pages idle: heap {step.ManagedBytes / 1048576.0:F1} MB, GC committed {step.CommittedBytes / 1048576.0:F1} MB, resident {step.ResidentBytes / 1048576.0:F1} MB"));
                }
            }

            if (options.Idle)
            {
                return await HoldAsync(options, await IdleAsync(http, pages, before, step is null ? null : (options.Step, step)));
            }

            // Idle: let the last renders, acknowledgements and any timers settle.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var after = await MemoryAsync(http);
            Report(options, before, after, delays);
            // A circuit left from before (one whose page went without saying so) may end meanwhile: the pages' own must all be open.
            if (after.OpenCircuits < options.Contexts)
            {
                Console.Error.WriteLine($"circuits: {options.Contexts} pages open but {after.OpenCircuits} circuits on the server.");
                return 1;
            }

            return await HoldAsync(options, options.Pause ? await PauseAsync(http, pages, before) : 0);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await CloseAsync(context);
            }
        }
    }

    // Keeps the pages open after the last measurement (live, paused or idle), e.g. for a heap dump of the app with them.
    private static async Task<int> HoldAsync(Options options, int result)
    {
        if (options.Hold > 0)
        {
            Console.WriteLine($"HOLDING {options.Hold} s");
            await Task.Delay(TimeSpan.FromSeconds(options.Hold));
        }

        return result;
    }

    // Pauses each page's circuit as the page's own script does for a hidden tab, waits for the circuits to close, and
    // reads the memory again; what stays per page is what a paused tab costs the server.
    private static async Task<int> PauseAsync(HttpClient http, List<IPage> pages, Memory before)
    {
        var paused = 0;
        foreach (var page in pages)
        {
            if (await page.EvaluateAsync<bool>("() => Blazor.pauseCircuit()"))
            {
                paused++;
            }
        }

        await WaitForCircuitsAsync(http, before.OpenCircuits);
        await Task.Delay(KeepAlive);
        var after = await SettledMemoryAsync(http);
        var managedPer = (after.ManagedBytes - before.ManagedBytes) / 1024.0 / Math.Max(paused, 1);
        var residentPer = (after.ResidentBytes - before.ResidentBytes) / 1024.0 / Math.Max(paused, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paused {paused} of {pages.Count}: heap {before.ManagedBytes / 1048576.0:F1} MB (before opening) -> {after.ManagedBytes / 1048576.0:F1} MB, resident -> {after.ResidentBytes / 1048576.0:F1} MB, open circuits {after.OpenCircuits}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PAUSED paused={paused} open_circuits={after.OpenCircuits} heap_kb_per_paused={managedPer:F1} resident_kb_per_paused={residentPer:F0}"));
        return paused == pages.Count && after.OpenCircuits <= before.OpenCircuits ? 0 : 1;
    }

    // Leaves every page alone until it has paused itself for want of use (the app's Circuits:PauseIdlePageAfter) and
    // holds its wake socket, waits for the circuits to close, and reads the memory: what an unused open page costs.
    // Given the reading with the first pages idle (--step), the slope is what each page beyond them added.
    private static async Task<int> IdleAsync(HttpClient http, List<IPage> pages, Memory before, (int Pages, Memory Memory)? step)
    {
        var paused = await WaitUntilIdleAsync(pages);
        await WaitForCircuitsAsync(http, before.OpenCircuits);
        await Task.Delay(KeepAlive);
        var after = await SettledMemoryAsync(http);
        var sockets = after.LiveWatchers - before.LiveWatchers;
        var managedPer = (after.ManagedBytes - before.ManagedBytes) / 1024.0 / Math.Max(paused, 1);
        var residentPer = (after.ResidentBytes - before.ResidentBytes) / 1024.0 / Math.Max(paused, 1);
        var beyond = step is { } s ? Math.Max(paused - s.Pages, 1) : 0;
        var slope = step is { } m
            ? string.Create(CultureInfo.InvariantCulture,
                $" step={m.Pages} heap_kb_slope={(after.ManagedBytes - m.Memory.ManagedBytes) / 1024.0 / beyond:F1} resident_kb_slope={(after.ResidentBytes - m.Memory.ResidentBytes) / 1024.0 / beyond:F0}")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{paused} of {pages.Count} pages paused for want of use, {sockets} wake sockets: heap {before.ManagedBytes / 1048576.0:F1} MB (before opening) -> {after.ManagedBytes / 1048576.0:F1} MB, GC committed {before.CommittedBytes / 1048576.0:F1} -> {after.CommittedBytes / 1048576.0:F1} MB, resident {before.ResidentBytes / 1048576.0:F1} -> {after.ResidentBytes / 1048576.0:F1} MB, open circuits {after.OpenCircuits}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"IDLE pages={pages.Count} paused={paused} wake_sockets={sockets} open_circuits={after.OpenCircuits} heap_kb_per_idle={managedPer:F1} resident_kb_per_idle={residentPer:F0} resident_mb_before={before.ResidentBytes / 1048576.0:F0} resident_mb_after={after.ResidentBytes / 1048576.0:F0}{slope}"));
        return paused == pages.Count && sockets >= paused && after.OpenCircuits <= before.OpenCircuits ? 0 : 1;
    }

    // Waits (at most ten minutes) until every page has paused itself for want of use; returns how many did.
    private static async Task<int> WaitUntilIdleAsync(List<IPage> pages)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        var paused = 0;
        foreach (var page in pages)
        {
            var left = deadline - DateTime.UtcNow;
            try
            {
                await page.WaitForFunctionAsync(
                    "() => document.documentElement.dataset.circuit === 'paused'",
                    null,
                    new() { Timeout = (float)Math.Max(left.TotalMilliseconds, 1), PollingInterval = 250 });
                paused++;
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        return paused;
    }

    private static void Report(Options options, Memory before, Memory after, List<double> delays)
    {
        delays.Sort();
        // Per page opened: a circuit left from before that ended meanwhile would otherwise shrink the divisor.
        var circuits = delays.Count;
        var managedPer = (after.ManagedBytes - before.ManagedBytes) / 1024.0 / Math.Max(circuits, 1);
        var residentPer = (after.ResidentBytes - before.ResidentBytes) / 1024.0 / Math.Max(circuits, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first byte to live over {delays.Count} pages of {options.Path}: p50 {CommandLine.Percentile(delays, 50):F0} ms, p95 {CommandLine.Percentile(delays, 95):F0} ms, max {delays[^1]:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heap {before.ManagedBytes / 1048576.0:F1} MB -> {after.ManagedBytes / 1048576.0:F1} MB, resident {before.ResidentBytes / 1048576.0:F1} MB -> {after.ResidentBytes / 1048576.0:F1} MB, open circuits {before.OpenCircuits} -> {after.OpenCircuits}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CIRCUITS contexts={delays.Count} circuits={circuits} live_p50={CommandLine.Percentile(delays, 50):F0} live_p95={CommandLine.Percentile(delays, 95):F0} live_max={delays[^1]:F0} heap_kb_per_circuit={managedPer:F0} resident_kb_per_circuit={residentPer:F0} resident_mb_before={before.ResidentBytes / 1048576.0:F0} resident_mb_after={after.ResidentBytes / 1048576.0:F0}"));
    }

    private static async Task<(IBrowserContext Context, double Delay)> OpenAsync(BrowserSession session, Options options, string signedIn)
    {
        var context = await session.NewContextAsync(options.BaseAddress, signedIn);
        await context.AddInitScriptAsync(LiveMarkerScript);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(options.Path);
        if (response is null || response.Status != 200)
        {
            throw new InvalidOperationException($"{options.Path} answered {response?.Status} for {options.Email}, not 200.");
        }

        await page.WaitForFunctionAsync("() => window.__liveAt !== undefined", null, new() { Timeout = 30_000 });
        var delay = await page.EvaluateAsync<double>("() => window.__liveAt - performance.getEntriesByType('navigation')[0].responseStart");
        return (context, delay);
    }

    // Leaving the page first makes blazor.web.js tell the server the circuit is finished; closing the context alone
    // leaves it disconnected, and retained for three minutes, in the next run's figures.
    private static async Task CloseAsync(IBrowserContext context)
    {
        foreach (var page in context.Pages)
        {
            await page.GotoAsync("about:blank");
        }

        await context.CloseAsync();
    }

    // Read once the heap has stopped falling: less than 64 KB in three readings 10 s apart (at most five minutes).
    // Buffers that closed connections and circuits gave back to the server's memory pools are released a little at a
    // time, over minutes, once unused, and they belong to no page; a single quiet reading came too early.
    private static async Task<Memory> SettledMemoryAsync(HttpClient http)
    {
        var memory = await MemoryAsync(http);
        var quiet = 0;
        for (var i = 0; i < 30 && quiet < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            var later = await MemoryAsync(http);
            quiet = memory.ManagedBytes - later.ManagedBytes < 64 * 1024 ? quiet + 1 : 0;
            memory = later;
        }

        return memory;
    }

    private static async Task<Memory> MemoryAsync(HttpClient http) =>
        await http.GetFromJsonAsync<Memory>("/dev/memory") ?? throw new InvalidOperationException("/dev/memory gave nothing.");

    // Up to 200 s: a circuit whose page went without saying so is kept, disconnected, for three minutes.
    private static async Task WaitForCircuitsAsync(HttpClient http, int expected)
    {
        for (var i = 0; i < 2000 && (await MemoryAsync(http)).OpenCircuits > expected; i++)
        {
            await Task.Delay(100);
        }
    }

    private static Options Parse(string[] args)
    {
        var line = new CommandLine(args);
        if (line.Count("step", 0, 0) is > 0 and var step && (step >= line.Count("contexts", 100, 1) || !line.Switch("idle")))
        {
            throw new ArgumentException("--step goes with --idle and must be fewer than --contexts.");
        }

        return new Options(line.BaseAddress(), line.Required("path"), line.Required("email"), line.Required("password"), line.Count("contexts", 100, 1), line.Count("warm-up", 5, 0), line.Switch("pause"), line.Switch("idle"), line.Count("hold", 0, 0), line.Count("step", 0, 0));
    }
}

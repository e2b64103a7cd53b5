using System.Globalization;
using Microsoft.Playwright;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// `live-delay`: the same readiness checklist open live on two instances of the app that share one PostgreSQL
/// database, signed in as a PCT manager. It changes an answer on instance A, one change at a time, and times on the
/// page of instance B the moment the new score is on screen, against the moment A's page showed the click and "Saved"
/// (both clocks are the machine's: <c>performance.timeOrigin + performance.now()</c> in each page). Prints p50, p95 and
/// the largest delay (docs/performance.md, "Live updates between instances").
/// </summary>
public static class LiveDelay
{
    // On instance A: changes one answer and resolves once "Saved" counts it; returns [click at, saved at, new score].
    private const string ChangeScript = """
        async ([criterion, seq]) => {
          const group = document.querySelector(`[data-criterion='${criterion}']`);
          const labels = [...group.querySelectorAll('label')];
          const met = labels.find(l => l.textContent.trim() === 'Met').querySelector('input');
          const inProgress = labels.find(l => l.textContent.trim() === 'In progress').querySelector('input');
          const input = met.checked ? inProgress : met;
          const now = () => performance.timeOrigin + performance.now();
          const clicked = now();
          await new Promise((resolve, reject) => {
            const saved = () => document.querySelector('#save-state').dataset.changes === String(seq)
              && document.querySelector('#save-state').classList.contains('app-save-state--saved');
            const observer = new MutationObserver(() => { if (saved()) { observer.disconnect(); resolve(); } });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            setTimeout(() => { observer.disconnect(); reject(new Error('not saved within 10 s')); }, 10000);
            input.click();
          });
          return [clicked, now(), document.querySelector('#live-score').textContent];
        }
        """;

    // On instance B: notes the time of every change of the score on screen.
    private const string WatchScript = """
        () => {
          window.__scores = [];
          const score = () => document.querySelector('#live-score')?.textContent;
          let last = score();
          new MutationObserver(() => {
            const now = score();
            if (now !== last) { last = now; window.__scores.push([performance.timeOrigin + performance.now(), now]); }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private sealed record Options(Uri A, Uri B, string Path, string Email, string Password, int Saves, int WarmUp);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            var line = new CommandLine(args);
            options = new Options(Address(line, "a"), Address(line, "b"), line.Required("path"), line.Required("email"), line.Required("password"),
                line.Count("saves", 50, 1), line.Count("warm-up", 5, 0));
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"live-delay: {e.Message}");
            await Console.Error.WriteLineAsync("usage: live-delay --a URL --b URL --path /consortia/00G/assessments/gp-consortium-readiness-2010?domain=governance --email E --password P [--saves 50] [--warm-up 5]");
            return 2;
        }

        await using var session = await BrowserSession.LaunchAsync("live-delay");
        if (session is null)
        {
            return 2;
        }


        var a = await OpenAsync(session, options.A, options);
        var b = await OpenAsync(session, options.B, options);
        await b.EvaluateAsync(WatchScript);
        var criteria = (await a.Locator(".mud-panel-expanded .app-criterion[data-criterion]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.criterion)")).ToList();
        var done = int.Parse(await a.Locator("#save-state").GetAttributeAsync("data-changes") ?? "0", CultureInfo.InvariantCulture);
        var fromClick = new List<double>();
        var fromSaved = new List<double>();
        var missed = 0;
        for (var i = 0; i < options.WarmUp + options.Saves; i++)
        {
            var result = await a.EvaluateAsync<object[]>(ChangeScript, new object[] { criteria[i % criteria.Count], ++done });
            var clicked = Convert.ToDouble(result[0], CultureInfo.InvariantCulture);
            var saved = Convert.ToDouble(result[1], CultureInfo.InvariantCulture);
            var score = Convert.ToString(result[2], CultureInfo.InvariantCulture);
            try
            {
                await b.WaitForFunctionAsync("s => document.querySelector('#live-score')?.textContent === s", score, new() { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                missed++;
                continue;
            }

            var shown = await b.EvaluateAsync<double>("([s, after]) => window.__scores.filter(([at, text]) => text === s && at >= after).map(([at]) => at)[0] ?? NaN", new object[] { score!, clicked });
            if (i >= options.WarmUp && !double.IsNaN(shown))
            {
                fromClick.Add(shown - clicked);
                fromSaved.Add(shown - saved);
            }

            // As a person would: the next change a moment later, after B's quiet time between reads.
            await Task.Delay(700);
        }

        Console.WriteLine($"Live delay, {options.Path}: {fromClick.Count} answer changes saved through {options.A} and shown on {options.B} (after {options.WarmUp} to warm up); {missed} not shown within 10 s");
        Console.WriteLine(Line("click on A → new score on B", fromClick));
        Console.WriteLine(Line("\"Saved\" on A → new score on B", fromSaved));
        fromSaved.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LIVEDELAY saves={fromSaved.Count} missed={missed} p50={CommandLine.Percentile(fromSaved, 50):F0} p95={CommandLine.Percentile(fromSaved, 95):F0} max={fromSaved[^1]:F0}"));
        return missed == 0 ? 0 : 1;
    }

    private static Uri Address(CommandLine line, string name) =>
        Uri.TryCreate(line.Required(name), UriKind.Absolute, out var address) ? address : throw new ArgumentException($"--{name} must be an absolute address.");

    private static string Line(string what, List<double> values)
    {
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {CommandLine.Percentile(values, 50):0} ms, p95 {CommandLine.Percentile(values, 95):0} ms, max {values[^1]:0} ms");
    }

    private static async Task<IPage> OpenAsync(BrowserSession session, Uri instance, Options options)
    {
        var context = await session.NewContextAsync(instance);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, options.Email, options.Password);
        await BrowserSession.OpenChecklistAsync(page, options.Path);
        return page;
    }
}

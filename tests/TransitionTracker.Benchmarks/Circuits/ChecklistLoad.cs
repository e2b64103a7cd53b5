using System.Globalization;
using Microsoft.Playwright;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// `checklist`: opens a readiness checklist live in headless Chromium, signed in as a PCT manager (starting a draft if
/// there is none), and changes answers in the open section one after another, toggling each between "Met" and "In
/// progress" so that every click changes the score. For each change it measures, in the browser, the time from the click
/// to the updated result on screen and to "Saved", and reads the server's own time for scoring and saving that change
/// from the save indicator (<c>data-change-ms</c>). Prints p50, p95 and the largest of each (docs/performance.md,
/// "The checklist").
/// </summary>
public static class ChecklistLoad
{
    // Clicks the radio labelled with the answer in the criterion's fieldset, then waits for the new score and for the
    // save indicator to count this change. Returns [click → result, click → saved, server ms].
    private const string ChangeScript = """
        async ([criterion, answer, seq]) => {
          const group = [...document.querySelectorAll('fieldset')]
            .find(f => (f.querySelector('legend')?.textContent ?? '').trim().startsWith(criterion + ' '));
          const input = [...group.querySelectorAll('label')].find(l => l.textContent.trim() === answer).querySelector('input');
          const before = document.querySelector('#live-score').textContent;
          let resultAt;
          const t0 = performance.now();
          await new Promise(resolve => {
            const check = () => {
              if (resultAt === undefined && document.querySelector('#live-score').textContent !== before) resultAt = performance.now();
              return resultAt !== undefined && document.querySelector('#save-state').dataset.changes === String(seq);
            };
            const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); resolve(); } });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            input.click();
          });
          const savedAt = performance.now();
          return [resultAt - t0, savedAt - t0, Number(document.querySelector('#save-state').dataset.changeMs)];
        }
        """;

    private sealed record Options(Uri BaseAddress, string Path, string Email, string Password, int Changes, int WarmUp);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"checklist: {e.Message}");
            await Console.Error.WriteLineAsync("usage: checklist --base URL --path /consortia/00G/assessments/gp-consortium-readiness-2010?domain=governance --email E --password P [--changes 200] [--warm-up 20]");
            return 2;
        }

        await using var session = await BrowserSession.LaunchAsync("checklist");
        if (session is null)
        {
            return 2;
        }

        await using var context = await session.NewContextAsync(options.BaseAddress);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, options.Email, options.Password);
        await BrowserSession.OpenChecklistAsync(page, options.Path);
        var criteria = (await page.Locator(".mud-panel-expanded .app-criterion[data-criterion]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.criterion)")).ToList();
        if (criteria.Count == 0)
        {
            throw new InvalidOperationException("No section of the checklist is open.");
        }

        var done = int.Parse(await page.Locator("#save-state").GetAttributeAsync("data-changes") ?? "0", CultureInfo.InvariantCulture);
        var toResult = new List<double>();
        var toSaved = new List<double>();
        var server = new List<double>();
        for (var i = 0; i < options.WarmUp + options.Changes; i++)
        {
            var criterion = criteria[i % criteria.Count];
            var answer = (i / criteria.Count) % 2 == 0 ? "In progress" : "Met";
            var checkedNow = await page.Locator($"[data-criterion='{criterion}'] label", new() { HasText = answer }).Locator("input").IsCheckedAsync();
            if (checkedNow)
            {
                answer = answer == "Met" ? "In progress" : "Met";
            }

            var times = await page.EvaluateAsync<double[]>(ChangeScript, new object[] { criterion, answer, ++done });
            if (i >= options.WarmUp)
            {
                toResult.Add(times[0]);
                toSaved.Add(times[1]);
                server.Add(times[2]);
            }
        }

        Console.WriteLine($"Checklist {options.Path}: {options.Changes} answer changes after {options.WarmUp} to warm up, one at a time, {criteria.Count} criteria in the open section");
        Console.WriteLine(Line("click → updated result in the browser", toResult));
        Console.WriteLine(Line("click → \"Saved\" in the browser", toSaved));
        Console.WriteLine(Line("server time of one change (score and save)", server));
        return 0;
    }

    private static string Line(string what, List<double> values)
    {
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {CommandLine.Percentile(values, 50):0.0} ms, p95 {CommandLine.Percentile(values, 95):0.0} ms, max {values[^1]:0.0} ms");
    }

    private static Options Parse(string[] args)
    {
        var line = new CommandLine(args);
        return new Options(line.BaseAddress(), line.Required("path"), line.Required("email"), line.Required("password"), line.Count("changes", 200, 1), line.Count("warm-up", 20, 0));
    }
}

using System.Globalization;
using Microsoft.Playwright;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// `load --client browser`: each page a context of one headless Chromium, its actions run as scripts in the page and
/// timed there from the click to the DOM change (<see cref="UserLoad"/> has the plan and the report).
/// </summary>
internal sealed class BrowserLoad : ILoadClient
{
    // Clicks the sort button of a column of the consortia table; resolves at the first change to its rows afterwards,
    // or, where the new order is the one shown (rows stay in place and nothing in them changes), at the render that
    // puts the new sort in the export link, which comes with the grid's rows.
    private const string SortScript = """
        async ([column]) => {
          const grid = document.querySelector('#consortia-table');
          const th = [...grid.querySelectorAll('th')].find(h => h.textContent.includes(column));
          if (!th) throw new Error(`no column ${column}`);
          const button = [...th.querySelectorAll('button')].find(b => /sort/i.test(b.getAttribute('aria-label') ?? b.title ?? ''))
            ?? th.querySelector('.mud-table-sort-label, .sortable-column-header');
          const body = grid.querySelector('tbody');
          const exportHref = () => document.querySelector('#export-consortia')?.getAttribute('href');
          const before = exportHref();
          const t0 = performance.now();
          await new Promise((resolve, reject) => {
            const observer = new MutationObserver(records => {
              const rows = !body.isConnected || records.some(r => r.target === body || body.contains(r.target));
              if (rows || exportHref() !== before) { observer.disconnect(); resolve(); }
            });
            observer.observe(document.querySelector('main') ?? document.body, { subtree: true, childList: true, characterData: true, attributes: true });
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

    // Changes one answer of a criterion in an open section (not its list of evidence files, which carries the criterion
    // too); resolves when the score on screen changes. Then waits (untimed) for the save to settle and says how it
    // ended: saved, held back (a clash with another writer) or failed.
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

    private readonly BrowserSession _session;
    private readonly Uri _baseAddress;
    private readonly string _password;
    private readonly Dictionary<string, string> _signedIn = new(StringComparer.Ordinal);

    private BrowserLoad(BrowserSession session, Uri baseAddress, string password)
    {
        _session = session;
        _baseAddress = baseAddress;
        _password = password;
    }

    /// <summary>Starts Chromium; null (the reason written) when it is missing.</summary>
    public static async Task<BrowserLoad?> LaunchAsync(Uri baseAddress, string password) =>
        await BrowserSession.LaunchAsync("load") is { } session ? new BrowserLoad(session, baseAddress, password) : null;

    public async Task SignInAsync(string email)
    {
        if (!_signedIn.ContainsKey(email))
        {
            _signedIn[email] = await _session.SignInAsync(_baseAddress, email, _password);
        }
    }

    // Opens the page live; null (and the context closed) when this user cannot open it.
    public async Task<ILoadPage?> OpenAsync(string email, string path, bool checklist)
    {
        var context = await _session.NewContextAsync(_baseAddress, _signedIn[email], new ViewportSize { Width = 1280, Height = 900 });
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

        return new Page(context, page, checklist, path);
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    private sealed class Page(IBrowserContext context, IPage page, bool checklist, string home) : ILoadPage
    {
        public bool Checklist => checklist;

        public string Where => page.Url;

        public bool OnConsortium => new Uri(page.Url).AbsolutePath.StartsWith("/consortia/", StringComparison.Ordinal);

        public Task<double> SortAsync(string column) => page.EvaluateAsync<double>(SortScript, new object[] { column });

        public Task<double> OpenConsortiumAsync(int index) => page.EvaluateAsync<double>(OpenConsortiumScript, new object[] { index });

        public Task<double> BackAsync() => page.EvaluateAsync<double>(BackScript);

        public async Task<(double Took, string State)> AnswerAsync(int index)
        {
            var result = await page.EvaluateAsync<object[]>(AnswerScript, new object[] { index });
            return (Convert.ToDouble(result[0], CultureInfo.InvariantCulture), Convert.ToString(result[1], CultureInfo.InvariantCulture) ?? "");
        }

        public bool IsActionFailure(Exception e) => e is PlaywrightException;

        // Back to a known state: the dashboard, loaded again.
        public async Task RecoverAsync()
        {
            await page.GotoAsync(home);
            await page.Locator("#consortia-table tbody tr a[data-code]").First.WaitForAsync();
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }
}

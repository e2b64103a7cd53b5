using System.Net;
using System.Text.RegularExpressions;

namespace TransitionTracker.Benchmarks.Circuits.Protocol;

/// <summary>
/// `load --client protocol`: each page a <see cref="BlazorCircuit"/> (no browser), so that one small machine can drive
/// hundreds. The users sign in through the sign-in form over HTTP; the actions are the browser client's, found and
/// checked in the circuit's rendered tree (<see cref="UserLoad"/> has the plan and the report).
/// </summary>
internal sealed partial class ProtocolLoad(Uri baseAddress, string password) : ILoadClient
{
    private readonly Dictionary<string, (HttpClient Http, CookieContainer Cookies)> _users = new(StringComparer.Ordinal);

    public async Task SignInAsync(string email)
    {
        if (_users.ContainsKey(email))
        {
            return;
        }

        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync("/sign-in");

        // The form's hidden fields (the form's name, the antiforgery token), then the user's.
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(fields));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
            || response.Headers.Location?.ToString().Contains("/sign-in", StringComparison.Ordinal) != false)
        {
            http.Dispose();
            throw new InvalidOperationException($"Signing in as {email} through the form failed (HTTP {(int)response.StatusCode}).");
        }

        _users[email] = (http, cookies);
    }

    public async Task<ILoadPage?> OpenAsync(string email, string path, bool checklist)
    {
        var (http, cookies) = _users[email];
        BlazorCircuit circuit;
        try
        {
            circuit = await BlazorCircuit.OpenAsync(http, cookies, baseAddress, path);
        }
        catch (HttpRequestException e) when (e.StatusCode is not null)
        {
            return null;
        }

        try
        {
            await circuit.WaitForAsync(t => t.All().Any(n => n.Name == "main" && n.Attribute("data-live") == "true"), what: "main[data-live=true]");
            if (!checklist)
            {
                await circuit.WaitForAsync(t => Links(t).Count > 0, what: "the consortia table's rows");
                return new Page(circuit, false, path, http, cookies, baseAddress);
            }

            await circuit.WaitForAsync(t => t.ById("save-state") is not null || t.ById("start-assessment") is { } start && !start.HasAttribute("disabled"),
                what: "the checklist");
            if (circuit.Read(t => t.ById("save-state") is null ? t.ById("start-assessment") : null) is { } startButton)
            {
                await circuit.ClickAsync(startButton);
                await circuit.WaitForAsync(t => t.ById("save-state") is not null, what: "#save-state");
            }

            if (circuit.Read(t => Criteria(t).Count) == 0)
            {
                await circuit.DisposeAsync();
                return null;
            }

            return new Page(circuit, true, path, http, cookies, baseAddress);
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var (http, _) in _users.Values)
        {
            http.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    // `#consortia-table tbody tr a[data-code]`
    private static List<Node> Links(RenderTree tree) =>
        Body(tree)?.Elements("a").Where(a => a.HasAttribute("data-code") && a.Ancestors().Any(p => p.Name == "tr")).ToList() ?? [];

    private static Node? Body(RenderTree tree) => tree.ById("consortia-table")?.Elements("tbody").FirstOrDefault();

    private static string? Export(RenderTree tree) => tree.ById("export-consortia")?.Attribute("href");

    // `.mud-panel-expanded .app-criterion[data-criterion]`: the criteria answered in the open sections (not their lists of
    // evidence files, which carry the criterion too).
    private static List<Node> Criteria(RenderTree tree) =>
        tree.All().Where(n => n.Kind == NodeKind.Element && n.HasClass("app-criterion") && n.HasAttribute("data-criterion")
            && n.Ancestors().Any(a => a.HasClass("mud-panel-expanded"))).ToList();

    private static string SaveState(RenderTree tree) =>
        tree.ById("save-state")?.Attribute("class")?.Split(' ').FirstOrDefault(c => c.StartsWith("app-save-state--", StringComparison.Ordinal))?[16..] ?? "";

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("sort", RegexOptions.IgnoreCase)]
    private static partial Regex Sort();

    private sealed class Page(BlazorCircuit opened, bool checklist, string home, HttpClient http, CookieContainer cookies, Uri baseAddress) : ILoadPage
    {
        private BlazorCircuit _circuit = opened;

        public bool Checklist => checklist;

        public string Where => _circuit.Uri;

        public bool OnConsortium => _circuit.Path.StartsWith("/consortia/", StringComparison.Ordinal);

        // Clicks the sort button of a column; done at the first change to the table body's rows afterwards.
        public Task<double> SortAsync(string column)
        {
            var (button, body, version, export) = _circuit.Read(t =>
            {
                var th = t.ById("consortia-table")?.Elements("th").FirstOrDefault(h => h.TextContent().Contains(column, StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"no column {column}");
                var button = th.Elements("button").FirstOrDefault(b => Sort().IsMatch(b.Attribute("aria-label") ?? b.Attribute("title") ?? ""))
                    ?? th.Elements().FirstOrDefault(e => e.HasClass("mud-table-sort-label") || e.HasClass("sortable-column-header"))
                    ?? throw new InvalidOperationException($"no sort button on {column}");
                var body = Body(t) ?? throw new InvalidOperationException("no table body");
                return (button, body, body.Version, Export(t));
            });
            // Done at the first change to the rows, or, where the new order is the one shown (rows stay in place and
            // nothing in them changes), at the render that puts the new sort in the export link, which comes with the
            // grid's rows.
            return _circuit.TimeAsync(() => _circuit.ClickAsync(button), t => body.Version != version || Body(t) != body || Export(t) != export);
        }

        // Follows the link of one consortium in the table; done when its page's heading names it.
        public Task<double> OpenConsortiumAsync(int index)
        {
            var (href, name) = _circuit.Read(t =>
            {
                var links = t.ById("consortia-table")?.Elements("a").Where(a => a.HasAttribute("data-code")).ToList() ?? [];
                var link = links.Count > 0 ? links[index % links.Count] : throw new InvalidOperationException("no consortium links");
                return (link.Attribute("href")!, link.TextContent().Trim());
            });
            return _circuit.TimeAsync(() => _circuit.FollowAsync(href),
                t => _circuit.Path.StartsWith("/consortia/", StringComparison.Ordinal) && (t.All().FirstOrDefault(n => n.Name == "h1")?.TextContent() ?? "").Contains(name, StringComparison.Ordinal));
        }

        // Back to the dashboard through the circuit's router (no page load); done when its table's rows are there.
        public Task<double> BackAsync() =>
            _circuit.TimeAsync(_circuit.BackAsync,
                t => _circuit.Path.StartsWith("/regions/", StringComparison.Ordinal) && Links(t).Count > 0);

        // Changes one answer between "Met" and "In progress"; timed to the score's change, then waits (untimed) for the
        // save to settle and says how it ended.
        public async Task<(double Took, string State)> AnswerAsync(int index)
        {
            var (input, before) = _circuit.Read(t =>
            {
                var groups = Criteria(t);
                var group = groups.Count > 0 ? groups[index % groups.Count] : throw new InvalidOperationException("no criteria");
                var labels = group.Elements("label").ToList();
                Node Option(string text) => labels.FirstOrDefault(l => l.TextContent().Trim() == text)?.Elements("input").FirstOrDefault()
                    ?? throw new InvalidOperationException($"no \"{text}\" on {group.Attribute("data-criterion")} (labels: {string.Join(" | ", labels.Select(l => l.TextContent().Trim()))}; inputs: {string.Join(" | ", group.Elements("input").Select(i => string.Join(",", i.Attributes.Select(a => a.Key + "=" + a.Value))))})");
                var met = Option("Met");
                var input = met.HasAttribute("checked") ? Option("In progress") : met;
                return (input, t.ById("live-score")?.TextContent() ?? throw new InvalidOperationException("no #live-score"));
            });
            var took = await _circuit.TimeAsync(() => _circuit.CheckAsync(input), t => t.ById("live-score")?.TextContent() is { } score && score != before);
            try
            {
                await _circuit.WaitForAsync(t => SaveState(t) is not ("saving" or "waiting"), TimeSpan.FromSeconds(10), "the save");
            }
            catch (TimeoutException)
            {
            }

            return (took, _circuit.Read(SaveState));
        }

        public bool IsActionFailure(Exception e) => e is not OperationCanceledException;

        // Back to a known state: the dashboard, loaded again (a new circuit, as a browser's page load makes).
        public async Task RecoverAsync()
        {
            await _circuit.DisposeAsync();
            _circuit = await BlazorCircuit.OpenAsync(http, cookies, baseAddress, home);
            await _circuit.WaitForAsync(t => Links(t).Count > 0, what: "the consortia table's rows");
        }

        public ValueTask DisposeAsync() => _circuit.DisposeAsync();
    }
}

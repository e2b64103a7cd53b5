using System.Net;
using System.Text;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// Bad route values, query parameters and JSON bodies for every endpoint that takes them: a 4xx answer (404 for
/// a route value that names nothing), never 500, hostile text never echoed unescaped, and no data changed.
/// </summary>
public sealed class BadRequestInputTests(BadInputApp app) : IClassFixture<BadInputApp>
{
    [Fact]
    public async Task Bad_route_values_are_answered_400_or_404()
    {
        await using var watch = await DataWatch.StartAsync(app.Factory);
        var failures = new List<string>();
        foreach (var route in BadInputCatalogue.Routes)
        {
            using var client = app.ClientFor(route.Who);
            var method = route.Key[..route.Key.IndexOf(' ')];
            foreach (var value in BadValues.RouteValues)
            {
                var url = app.Resolve(route.Template).Replace("{v}", value, StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                {
                    request.Content = new StringContent("""{"revision":0,"responses":[]}""", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                await ExpectAsync(response, $"{method} {Shorten(url)}", failures, s => s is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(await watch.ChangesAsync());
    }

    [Fact]
    public async Task Bad_query_values_are_refused_by_the_api_and_never_break_a_page()
    {
        await using var watch = await DataWatch.StartAsync(app.Factory);
        var failures = new List<string>();
        foreach (var query in BadInputCatalogue.Queries)
        {
            using var client = app.ClientFor(query.Who);
            foreach (var parameter in query.Parameters)
            {
                foreach (var value in BadValues.QueryValues)
                {
                    var url = $"{app.Resolve(query.Url)}?{parameter}={value}";
                    using var response = await client.GetAsync(url);

                    // Pages show a bad filter or page number as a note and ignore it; scripts are told it is wrong.
                    // "abc" is a well-formed organisation code: as a filter it matches nothing.
                    await ExpectAsync(response, $"GET {Shorten(url)}", failures, s => query.Strict
                        ? (int)s is >= 400 and < 500 || (value == "abc" && parameter is "region" or "pct" && s == HttpStatusCode.OK)
                        : (int)s is (>= 200 and < 300) or (>= 400 and < 500) || (s == HttpStatusCode.Redirect && query.Url == "/sign-in"));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(await watch.ChangesAsync());
    }

    [Fact]
    public async Task Bad_json_bodies_are_answered_with_problem_details()
    {
        var deep = new string('[', 200) + new string(']', 200);
        (string What, string ContentType, string Body)[] bodies =
        [
            ("no body", "application/json", ""),
            ("truncated JSON", "application/json", "{\"responses\":["),
            ("not JSON", "application/json", "not json"),
            ("a JSON string", "application/json", "\"abc\""),
            ("JSON nested 200 deep", "application/json", deep),
            ("wrong types", "application/json", """{"framework":123,"revision":"abc","responses":"x","email":5,"password":[],"refreshToken":{}}"""),
            ("a number too large", "application/json", """{"revision":1e400,"responses":[]}"""),
            ("an unknown status", "application/json", """{"revision":0,"responses":[{"criterion":"GOV-01","status":"bogus"}]}"""),
            ("a hostile criterion", "application/json", """{"revision":0,"responses":[{"criterion":"<script>alert(1)</script>","status":"met"}]}"""),
            ("a NUL in a value", "application/json", """{"framework":"gp\u0000","revision":0,"responses":[],"email":"a\u0000@example.nhs.uk","password":"x\u0000"}"""),
            ("a very long value", "application/json", $$"""{"framework":"{{BadValues.VeryLong}}","revision":0,"responses":[],"email":"{{BadValues.VeryLong}}","password":"x","refreshToken":"{{BadValues.VeryLong}}"}"""),
            ("a 2 MB body", "application/json", $$"""{"padding":"{{new string('x', 2 * 1024 * 1024)}}"}"""),
            ("the body as text/plain", "text/plain", ""),
            ("the body as a form", "application/x-www-form-urlencoded", "responses=x&revision=0"),
        ];

        await using var watch = await DataWatch.StartAsync(app.Factory);
        var failures = new List<string>();
        foreach (var endpoint in BadInputCatalogue.Json)
        {
            using var client = app.ClientFor(endpoint.Who);
            foreach (var (what, contentType, body) in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
                {
                    Content = new StringContent(body.Length == 0 && contentType == "text/plain" ? endpoint.ValidBody : body, Encoding.UTF8, contentType),
                };
                using var response = await client.SendAsync(request);
                await ExpectAsync(response, $"{endpoint} with {what}", failures, s => (int)s is >= 400 and < 500, problem: true);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(await watch.ChangesAsync());
    }

    [Fact]
    public async Task Json_strings_that_are_not_utf8_are_answered_400_naming_the_field()
    {
        // 0xFF can never be part of UTF-8: one in a value, one in a value inside an array, one in a property name.
        var body = Encoding.UTF8.GetBytes("""{"framework":"gp-#","email":"x","responses":[{"criterion":"GOV-01","status":"met","evidence":"#"}],"#":1}""")
            .Select(b => b == (byte)'#' ? (byte)0xFF : b).ToArray();

        await using var watch = await DataWatch.StartAsync(app.Factory);
        var failures = new List<string>();
        foreach (var endpoint in BadInputCatalogue.Json)
        {
            using var client = app.ClientFor(endpoint.Who);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !text.Contains("\"$.framework\"", StringComparison.Ordinal) || !text.Contains("\"$.responses[0].evidence\"", StringComparison.Ordinal)
                || !text.Contains("A property name in $ ", StringComparison.Ordinal))
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(await watch.ChangesAsync());
    }

    private static async Task ExpectAsync(HttpResponseMessage response, string what, List<string> failures, Func<HttpStatusCode, bool> expected, bool problem = false)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!expected(response.StatusCode))
        {
            failures.Add($"{what}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
        }
        else if (response.Content.Headers.ContentType?.MediaType == "text/html"
            && (body.Contains(BadValues.Script, StringComparison.Ordinal) || body.Contains("<img src=x", StringComparison.Ordinal)))
        {
            failures.Add($"{what}: the answer shows hostile markup unescaped");
        }
        else if (problem && response.StatusCode != HttpStatusCode.NotFound && response.Content.Headers.ContentType?.MediaType != "application/problem+json"
            && response.StatusCode != HttpStatusCode.Unauthorized)
        {
            failures.Add($"{what}: {(int)response.StatusCode} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not problem details");
        }
    }

    private static string Shorten(string url) => url.Length > 120 ? url[..120] + $"… ({url.Length:N0} characters)" : url;
}

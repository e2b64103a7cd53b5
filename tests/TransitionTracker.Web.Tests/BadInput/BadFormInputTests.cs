using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// Every form, posted with a bad value in each field in turn (the rest filled in validly), with parts missing,
/// too large, or of the wrong kind: each post is answered 4xx, never 500, a refused form is shown again with the
/// NHS error summary and what was typed, and the data — every table, the audit trail included — is unchanged.
/// </summary>
public sealed class BadFormInputTests(BadInputApp app) : IClassFixture<BadInputApp>
{
    public static TheoryData<int> FormCases => [.. Enumerable.Range(0, BadInputCatalogue.Forms.Length)];

    public static TheoryData<int> NoFormCases => [.. Enumerable.Range(0, BadInputCatalogue.NoForms.Length)];

    [Theory]
    [MemberData(nameof(FormCases))]
    public async Task A_form_refuses_bad_values_in_every_field_and_changes_nothing(int index)
    {
        var form = BadInputCatalogue.Forms[index];
        using var client = app.ClientFor(form.Who);
        var pageUrl = app.Resolve(form.PageUrl);
        var element = await BadInputForms.FindAsync(client, pageUrl, form.FormName);
        var action = element.GetAttribute("action") ?? pageUrl;
        var multipart = element.GetAttribute("enctype") == "multipart/form-data";
        var valid = BadInputForms.ValidValues(element);
        await using var watch = await DataWatch.StartAsync(app.Factory);
        var failures = new List<string>();

        foreach (var field in BadInputForms.Fields(element, form.NumbersOnly))
        {
            foreach (var value in ValuesFor(field))
            {
                var values = new Dictionary<string, string>(valid) { [field.Name] = value };
                using var response = await client.PostAsync(action, Content(values, multipart, field.Name));
                await ExpectRefusedAsync(response, $"{field.Name} = {Describe(value)}", failures, shownAgain: field.Kind == BadInputForms.Kind.Text && !multipart ? (field.Name, value) : null);
            }
        }

        var handlerAndToken = valid.Where(v => v.Key is "_handler" or "__RequestVerificationToken").ToDictionary();
        if (valid.Count > handlerAndToken.Count)
        {
            using var empty = await client.PostAsync(action, Content(handlerAndToken, multipart, null));
            await ExpectRefusedAsync(empty, "every field missing", failures);
        }

        using (var noToken = await client.PostAsync(action, Content(valid.Where(v => v.Key != "__RequestVerificationToken").ToDictionary(), multipart, null)))
        {
            await ExpectRefusedAsync(noToken, "no antiforgery token", failures, status: HttpStatusCode.BadRequest);
        }

        using (var unknownForm = await client.PostAsync(action, Content(new Dictionary<string, string>(valid) { ["_handler"] = "no-such-form" }, multipart, null)))
        {
            await ExpectRefusedAsync(unknownForm, "unknown form name", failures, status: HttpStatusCode.BadRequest);
        }

        using (var tooLarge = await client.PostAsync(action, Content(new Dictionary<string, string>(valid) { ["padding"] = new string('x', 2 * 1024 * 1024) }, multipart, null)))
        {
            await ExpectRefusedAsync(tooLarge, "a 2 MB body", failures, status: HttpStatusCode.RequestEntityTooLarge);
        }

        var manyFields = new Dictionary<string, string>(valid);
        for (var i = 0; i < 1000; i++)
        {
            manyFields[$"extra{i}"] = "x";
        }

        using (var tooMany = await client.PostAsync(action, Content(manyFields, multipart, null)))
        {
            await ExpectRefusedAsync(tooMany, "1,000 extra fields", failures, status: HttpStatusCode.RequestEntityTooLarge);
        }

        using (var plainText = await client.PostAsync(action, new StringContent(string.Join('&', valid.Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}")), Encoding.UTF8, "text/plain")))
        {
            await ExpectRefusedAsync(plainText, "the form as text/plain", failures);
        }

        foreach (var (what, contentType, body) in new[]
        {
            ("multipart without a boundary", "multipart/form-data", "--x\r\n"),
            ("multipart cut short", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"),
            ("a form field name of 1,000 characters", "application/x-www-form-urlencoded", new string('k', 1000) + "=v"),
        })
        {
            using var broken = new StringContent(body);
            broken.Headers.Remove("Content-Type");
            broken.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await client.PostAsync(action, broken);
            await ExpectRefusedAsync(response, what, failures);
        }

        using (var json = await client.PostAsync(action, new StringContent(System.Text.Json.JsonSerializer.Serialize(valid), Encoding.UTF8, "application/json")))
        {
            await ExpectRefusedAsync(json, "the form as JSON", failures);
        }

        Assert.True(failures.Count == 0, $"{form}:{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
        Assert.Empty(await watch.ChangesAsync());
    }

    [Theory]
    [MemberData(nameof(NoFormCases))]
    public async Task A_post_to_a_page_without_that_form_is_refused(int index)
    {
        var listed = BadInputCatalogue.NoForms[index];
        var page = listed with { Url = app.Resolve(listed.Url) };
        using var client = app.ClientFor(page.Who);
        await using var watch = await DataWatch.StartAsync(app.Factory);
        var failures = new List<string>();
        using (var response = await client.PostAsync(page.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "answers", ["evidence.GOV-01"] = BadValues.Script })))
        {
            await ExpectRefusedAsync(response, "a form post", failures, status: HttpStatusCode.BadRequest);
        }

        using (var response = await client.PostAsync(page.Url, new StringContent(new string('x', 2 * 1024 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            await ExpectRefusedAsync(response, "a 2 MB body", failures, status: HttpStatusCode.RequestEntityTooLarge);
        }

        Assert.True(failures.Count == 0, $"{page.Url}:{Environment.NewLine}" + string.Join(Environment.NewLine, failures));
        Assert.Empty(await watch.ChangesAsync());
    }

    private static IEnumerable<string> ValuesFor(BadInputForms.Field field)
    {
        // Every control character is tried in free text; one NUL and one override stand for them elsewhere.
        return field.Kind switch
        {
            BadInputForms.Kind.Text or BadInputForms.Kind.Password => [BadValues.VeryLong, .. BadValues.Controls],
            BadInputForms.Kind.Number => [BadValues.VeryLong, "x\0y", "abc", "99999999999999999999", "12.5"],
            BadInputForms.Kind.Choice => [BadValues.VeryLong, "x\0y", "not-a-choice", BadValues.Script],
            _ => [BadValues.VeryLong, "x\u202Ey", BadValues.Script],
        };
    }

    private static HttpContent Content(IReadOnlyDictionary<string, string> values, bool multipart, string? fileField)
    {
        if (!multipart)
        {
            return new FormUrlEncodedContent(values);
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            if (name == fileField || (name == "file" && fileField is null))
            {
                content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name, "bad-input.csv");
            }
            else
            {
                content.Add(new StringContent(value), name);
            }
        }

        return content;
    }

    private static async Task ExpectRefusedAsync(HttpResponseMessage response, string what, List<string> failures, HttpStatusCode? status = null, (string Name, string Value)? shownAgain = null)
    {
        var code = (int)response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        if (status is { } expected ? response.StatusCode != expected : code is < 400 or >= 500)
        {
            failures.Add($"{what}: {code}{(response.Headers.Location is { } location ? " → " + location : "")} {Excerpt(html)}");
            return;
        }

        if (html.Contains(BadValues.Script, StringComparison.Ordinal) || html.Contains("<img src=x", StringComparison.Ordinal))
        {
            failures.Add($"{what}: the answer shows hostile markup unescaped");
        }

        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            var page = await HtmlPage.ParseAsync(html);
            if (page.QuerySelector(".app-error-summary") is null)
            {
                failures.Add($"{what}: 422 without an error summary");
            }
            else if (shownAgain is { } typed && page.QuerySelector($"[name='{typed.Name}']") is { } box && box is IHtmlInputElement or IHtmlTextAreaElement
                && typed.Value is not "x\0y" && (box is IHtmlTextAreaElement area ? area.Value : box.GetAttribute("value")) is { } shown
                && shown.Replace("\r\n", "\n", StringComparison.Ordinal) != typed.Value && shown != typed.Value.Trim())
            {
                failures.Add($"{what}: the form does not show what was typed again (shows {Describe(shown)})");
            }
        }
    }

    private static string Describe(string value) =>
        value.Length > 40 ? $"{value.Length:N0} characters" : string.Concat(value.Select(c => char.IsControl(c) || c is '\u202E' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static string Excerpt(string html)
    {
        var title = html.IndexOf("<title>", StringComparison.Ordinal);
        return title < 0 ? html[..Math.Min(200, html.Length)] : html[title..Math.Min(html.Length, title + 200)];
    }
}

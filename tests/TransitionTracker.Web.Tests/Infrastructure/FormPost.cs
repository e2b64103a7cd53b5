using AngleSharp.Dom;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>Posts a page's real form: its antiforgery token and handler name, plus the fields a person would fill.</summary>
public static class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields, string? postUrl = null)
    {
        var (_, page) = await HtmlPage.GetAsync(client, pageUrl);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"{pageUrl} has no form named {formName}.");
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["_handler"] = formName,
        };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(postUrl ?? form.GetAttribute("action") ?? pageUrl, new FormUrlEncodedContent(values));
    }

    public static string Token(IElement form) =>
        form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The form has no antiforgery token.");
}

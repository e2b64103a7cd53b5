using AngleSharp.Dom;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// Submits an administrator page's real form as a browser would: opens the page, takes the named form's hidden
/// fields (antiforgery token, handler name), adds what a person would fill in or which button they press, posts.
/// </summary>
public static class AdminForm
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, params (string Name, string Value)[] fields)
    {
        var (response, page) = await HtmlPage.GetAsync(client, pageUrl);
        response.EnsureSuccessStatusCode();
        var form = Find(page, formName);
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(form.GetAttribute("action") ?? pageUrl, new FormUrlEncodedContent(values));
    }

    public static IElement Find(IDocument page, string formName) =>
        page.QuerySelectorAll("form").SingleOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == formName)
        ?? throw new InvalidOperationException($"The page has no form named {formName}.");
}

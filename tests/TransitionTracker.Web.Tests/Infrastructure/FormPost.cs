using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// Posts a page's real form as a browser would: every value the form already holds (hidden fields, its
/// antiforgery token, checked radios, text) plus the fields a person changed.
/// </summary>
public static class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, IDictionary<string, string> fields, string? postUrl = null)
    {
        var (_, page) = await HtmlPage.GetAsync(client, pageUrl);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"{pageUrl} has no form named {formName}.");
        return await client.PostAsync(postUrl ?? form.GetAttribute("action") ?? pageUrl, new FormUrlEncodedContent(ValuesOf(form, fields)));
    }

    /// <summary>The name/value pairs a browser would send for the form, with <paramref name="changes"/> applied.</summary>
    public static Dictionary<string, string> ValuesOf(IElement form, IDictionary<string, string>? changes = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox" } input:
                    if (input.IsChecked)
                    {
                        values[name] = input.Value;
                    }

                    break;
                case IHtmlInputElement { Type: "file" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    values[name] = input.Value;
                    break;
                case IHtmlTextAreaElement textArea:
                    values[name] = textArea.Value;
                    break;
                case IHtmlSelectElement select:
                    values[name] = select.Value ?? "";
                    break;
            }
        }

        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return values;
    }

    public static string Token(IElement form) =>
        form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The form has no antiforgery token.");
}

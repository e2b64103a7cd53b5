using AngleSharp;
using AngleSharp.Dom;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>Fetches a page and parses it with AngleSharp, so tests read it as a person would.</summary>
public static class HtmlPage
{
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, await ParseAsync(html));
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static IReadOnlyList<IElement> BodyRows(this IDocument document, string tableCaption) =>
        document.QuerySelectorAll("table")
            .Single(t => t.QuerySelector("caption")?.Text() == tableCaption)
            .QuerySelectorAll("tbody tr")
            .ToList();
}

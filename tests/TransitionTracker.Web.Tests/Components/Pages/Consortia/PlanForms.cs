using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>Reads and posts the plan, register and lesson forms as a person would, and reads what they stored and audited.</summary>
public static class PlanForms
{
    public static async Task<IDocument> PageOf(HttpResponseMessage response) =>
        await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());

    /// <summary>What a text box or text area shows, or the value of the checked radio of that name.</summary>
    public static string Shown(IDocument page, string name)
    {
        var field = page.QuerySelector($"[name='{name}']:not([type=radio])");
        return field switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlInputElement input => input.GetAttribute("value") ?? "",
            _ => page.QuerySelector($"input[type=radio][name='{name}'][checked]")?.GetAttribute("value") ?? "",
        };
    }

    /// <summary>Posts a form from a page loaded earlier, with what it held then, as a browser tab left open would.</summary>
    public static Task<HttpResponseMessage> PostFromAsync(HttpClient client, IDocument page, string pageUrl, string formName, IDictionary<string, string> changes)
    {
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null);
        return client.PostAsync(form.GetAttribute("action") ?? pageUrl, new FormUrlEncodedContent(FormPost.ValuesOf(form, changes)));
    }

    /// <summary>Where a redirect-after-post sends the browser: path and query, whether the app wrote it absolute or not.</summary>
    public static string RedirectTarget(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost"), response.Headers.Location ?? throw new InvalidOperationException($"Not a redirect: {response.StatusCode}")).PathAndQuery;

    /// <summary>The id at the end of the change link in the table row whose first cell is <paramref name="text"/>.</summary>
    public static async Task<int> ChangeLinkIdAsync(HttpClient client, string listUrl, string text)
    {
        var (_, page) = await HtmlPage.GetAsync(client, listUrl);
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")?.Text() == text);
        var href = row.QuerySelector("a")!.GetAttribute("href")!;
        return int.Parse(href[(href.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<AuditEntry>> AuditedAsync(TransitionTrackerFactory factory, string entityType)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<List<T>> StoredAsync<T>(TransitionTrackerFactory factory)
        where T : class
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.Set<T>().AsNoTracking().ToListAsync();
    }
}

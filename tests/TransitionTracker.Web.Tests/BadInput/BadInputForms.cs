using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>Reads a page's form field by field, and fills it in as a person giving valid answers would.</summary>
public static class BadInputForms
{
    public enum Kind
    {
        Text,
        Number,
        Choice,
        Hidden,
        Password,
    }

    public sealed record Field(string Name, Kind Kind);

    public static async Task<IElement> FindAsync(HttpClient client, string pageUrl, string formName)
    {
        var (response, page) = await HtmlPage.GetAsync(client, pageUrl);
        Assert.True(response.IsSuccessStatusCode, $"GET {pageUrl}: {(int)response.StatusCode}");
        return page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"{pageUrl} has no form named {formName}.");
    }

    /// <summary>The fields a person fills in (not the antiforgery token or the form's name), each once.</summary>
    public static IReadOnlyList<Field> Fields(IElement form, bool numbersOnly) =>
        form.QuerySelectorAll("input, textarea, select, button[name]")
            .Select(e => (Name: e.GetAttribute("name") ?? "", Element: e))
            .Where(e => e.Name is { Length: > 0 } and not "_handler" and not "__RequestVerificationToken")
            .GroupBy(e => e.Name)
            .Select(g => new Field(g.Key, KindOf(g.First().Element, numbersOnly)))
            .ToList();

    /// <summary>What the form holds, with every unanswered choice answered and every empty box filled validly.</summary>
    public static Dictionary<string, string> ValidValues(IElement form)
    {
        var values = FormPost.ValuesOf(form);
        foreach (var radio in form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>())
        {
            values.TryAdd(radio.Name!, radio.Value);
        }

        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>())
        {
            if (string.IsNullOrEmpty(values.GetValueOrDefault(select.Name!)))
            {
                values[select.Name!] = select.Options.Select(o => o.Value).FirstOrDefault(v => v.Length > 0) ?? "";
            }
        }

        foreach (var (name, value) in values.ToList())
        {
            if (value.Length == 0 && form.QuerySelector($"[name='{name}']") is { } element && element.GetAttribute("type") is not "hidden")
            {
                values[name] = name.EndsWith("Day", StringComparison.Ordinal) ? "1"
                    : name.EndsWith("Month", StringComparison.Ordinal) ? "4"
                    : name.EndsWith("Year", StringComparison.Ordinal) ? "2012"
                    : element.GetAttribute("inputmode") == "numeric" ? "3"
                    : "Bad input test text";
            }
        }

        return values;
    }

    private static Kind KindOf(IElement element, bool numbersOnly) => element switch
    {
        IHtmlInputElement { Type: "radio" or "checkbox" } or IHtmlSelectElement or IHtmlButtonElement => Kind.Choice,
        IHtmlInputElement { Type: "hidden" } => Kind.Hidden,
        IHtmlInputElement { Type: "password" } => Kind.Password,
        IHtmlInputElement input when numbersOnly || input.GetAttribute("inputmode") == "numeric" => Kind.Number,
        _ => Kind.Text,
    };
}

using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace TransitionTracker.Web.Components.Layout;

/// <summary>
/// Navigation from code on an interactive page. The circuit's router renders "not found" when
/// <see cref="NavigationManager.NavigateTo(string, bool, bool)"/> names a page excluded from interactive routing (links
/// are reloaded properly; code navigation is not), so such a page is opened with a full page load.
/// </summary>
public static class PageNavigation
{
    private static readonly string[][] StaticTemplates = typeof(PageNavigation).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is not null)
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => Segments(r.Template))
        .ToArray();

    /// <summary>Opens an app-relative address, with a full page load when that page is static.</summary>
    public static void Open(this NavigationManager navigation, string href) =>
        navigation.NavigateTo(href, forceLoad: IsStaticPage(href));

    public static bool IsStaticPage(string href)
    {
        var path = href.Split('?', '#')[0];
        var segments = Segments(path);
        return StaticTemplates.Any(template => template.Length == segments.Length
            && template.Zip(segments).All(pair => pair.First.StartsWith('{') || string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase)));
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
}

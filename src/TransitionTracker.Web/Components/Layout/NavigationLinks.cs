using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Web.Components.Layout;

/// <summary>What a user's roles let them open, for the app bar and the navigation drawer.</summary>
public static class NavigationLinks
{
    public sealed record Link(string Text, string Href, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix);

    /// <summary>The few top-level links shown in the app bar on wide screens.</summary>
    public static IReadOnlyList<Link> For(UserAccess access)
    {
        var links = new List<Link> { new("Home", "/", Icons.Material.Filled.Home, NavLinkMatch.All) };
        if (access.ReadsEverything)
        {
            links.Add(new("National", "/national", Icons.Material.Filled.Public));
        }

        if (access.IsAdministrator)
        {
            links.Add(new("Users", "/admin/users", Icons.Material.Filled.People));
            links.Add(new("Frameworks", "/admin/frameworks", Icons.Material.Filled.Checklist));
        }

        return links;
    }

    /// <summary>The drawer: the top-level links, then the organisations the user's roles name.</summary>
    public static IReadOnlyList<Link> ForDrawer(UserAccess access)
    {
        var links = For(access).ToList();
        foreach (var region in access.LeadRegions.Order(StringComparer.Ordinal))
        {
            links.Add(new($"Region {region}", $"/regions/{region}", Icons.Material.Filled.Map));
        }

        foreach (var pct in access.ManagedPcts.Order(StringComparer.Ordinal))
        {
            links.Add(new($"PCT {pct}", $"/pcts/{pct}", Icons.Material.Filled.LocalHospital));
        }

        foreach (var consortium in access.LedConsortia.Order(StringComparer.Ordinal))
        {
            links.Add(new($"Consortium {consortium}", $"/consortia/{consortium}", Icons.Material.Filled.Groups));
        }

        return links;
    }

    /// <summary>The user's roles in words, for example "PCT manager (5D7)".</summary>
    public static string RoleText(UserAccess access) =>
        string.Join(", ", access.Assignments
            .OrderBy(a => a.Role)
            .ThenBy(a => a.ScopeCode, StringComparer.Ordinal)
            .Select(a => a.ScopeCode is null ? a.Role.ToDisplay() : $"{a.Role.ToDisplay()} ({a.ScopeCode})"));
}

using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Consortia;

namespace TransitionTracker.Web.Components.Pages.Consortia.Register;

/// <summary>The breadcrumb trail of the pages under a consortium's conflicts-of-interest register.</summary>
public static class RegisterTrail
{
    public static IReadOnlyList<BreadcrumbItem> For(ConsortiumSummary consortium) =>
    [
        new("Home", "/"),
        new(consortium.Name, $"/consortia/{consortium.Code}"),
        new("Conflicts of interest register", $"/consortia/{consortium.Code}/register"),
    ];
}

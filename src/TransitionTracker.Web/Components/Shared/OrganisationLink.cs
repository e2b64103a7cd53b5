using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>
/// A link to an organisation's page when the user may open it, otherwise its name as plain text. A fragment rather
/// than a component: pages render one per member practice, and a component instance each cost more than the markup.
/// </summary>
public static class OrganisationLink
{
    public static RenderFragment To(string href, string text, bool visible) => builder => Build(builder, href, text, visible);

    private static void Build(RenderTreeBuilder builder, string href, string text, bool visible)
    {
        if (visible)
        {
            builder.OpenElement(0, "a");
            builder.AddAttribute(1, "href", href);
            builder.AddContent(2, text);
            builder.CloseElement();
        }
        else
        {
            builder.AddContent(3, text);
        }
    }
}

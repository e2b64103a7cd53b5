using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>
/// What is shown but never interacted with, as plain elements carrying MudBlazor's own CSS classes: the same look as
/// its components, without a component (and its render tree, kept for as long as the circuit lives) for each chip,
/// icon, text or link. Interactive controls stay MudBlazor components. See docs/performance.md, "Circuits".
/// </summary>
public static class Plain
{
    /// <summary>The classes of a <c>MudLink</c> (primary colour, always underlined), for a plain <c>a</c>.</summary>
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-always";

    /// <summary>A <c>MudLink</c> in the body2 type, as breadcrumbs and smaller links use.</summary>
    public const string LinkBody2 = Link + " mud-typography-body2";

    /// <summary>A <c>MudLink</c> underlined only on hover, in the body2 type (the breadcrumbs).</summary>
    public const string LinkHoverBody2 = "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2";

    /// <summary>The classes of a <c>MudText</c> of the type given, for a plain element (h1, h2, p…).</summary>
    public static string Text(Typo typo) => typo switch
    {
        Typo.h1 => "mud-typography mud-typography-h1",
        Typo.h2 => "mud-typography mud-typography-h2",
        Typo.h3 => "mud-typography mud-typography-h3",
        Typo.h4 => "mud-typography mud-typography-h4",
        Typo.h5 => "mud-typography mud-typography-h5",
        Typo.h6 => "mud-typography mud-typography-h6",
        Typo.body2 => "mud-typography mud-typography-body2",
        Typo.caption => "mud-typography mud-typography-caption",
        _ => "mud-typography mud-typography-body1",
    };

    /// <summary>
    /// A <c>MudTabPanel</c>'s <c>TabWrapperContent</c> that leaves the tab's title as it is: without one, MudTabs wraps
    /// every title in a tooltip component, even one with no text.
    /// </summary>
    public static readonly RenderFragment<RenderFragment> TabTitle = title => title;

    /// <summary>A small chip with a word on it, as a small <c>MudChip</c> that nothing clicks looks.</summary>
    public static RenderFragment Chip(string text, Color color = Color.Default, string? cssClass = null, Variant variant = Variant.Filled, string? id = null) =>
        builder => BuildChip(builder, text, color, cssClass, variant, id);

    /// <summary>A MudBlazor icon (the SVG content of one of <c>Icons.*</c>) as inline SVG, hidden from screen readers.</summary>
    public static RenderFragment Icon(string icon, string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", cssClass is null ? "mud-icon-root mud-svg-icon mud-icon-size-medium" : $"mud-icon-root mud-svg-icon mud-icon-size-medium {cssClass}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };

    private static void BuildChip(RenderTreeBuilder builder, string text, Color color, string? cssClass, Variant variant, string? id)
    {
        var classes = $"mud-chip mud-chip-{VariantName(variant)} mud-chip-size-small mud-chip-color-{ColorName(color)}";
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", cssClass is null ? classes : $"{classes} {cssClass}");
        builder.AddAttribute(2, "id", id);
        builder.OpenElement(3, "span");
        builder.AddAttribute(4, "class", "mud-chip-content");
        builder.AddContent(5, text);
        builder.CloseElement();
        builder.CloseElement();
    }

    private static string VariantName(Variant variant) => variant switch
    {
        Variant.Outlined => "outlined",
        Variant.Text => "text",
        _ => "filled",
    };

    private static string ColorName(Color color) => color switch
    {
        Color.Primary => "primary",
        Color.Secondary => "secondary",
        Color.Tertiary => "tertiary",
        Color.Info => "info",
        Color.Success => "success",
        Color.Warning => "warning",
        Color.Error => "error",
        Color.Dark => "dark",
        Color.Surface => "surface",
        _ => "default",
    };
}

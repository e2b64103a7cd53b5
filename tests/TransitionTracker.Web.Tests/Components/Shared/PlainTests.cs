using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

/// <summary>
/// The plain markup that stands in for MudBlazor components nothing interacts with carries the classes those components
/// render, so it looks the same; checked against the components themselves, so an upgrade of MudBlazor that changes
/// them fails here rather than on screen.
/// </summary>
public sealed class PlainTests : MudComponentContext
{
    public static TheoryData<Color, Variant> Chips => new()
    {
        { Color.Default, Variant.Filled },
        { Color.Success, Variant.Filled },
        { Color.Warning, Variant.Filled },
        { Color.Error, Variant.Filled },
        { Color.Info, Variant.Filled },
        { Color.Default, Variant.Outlined },
        { Color.Primary, Variant.Outlined },
    };

    [Theory]
    [MemberData(nameof(Chips))]
    public void A_chip_has_the_classes_and_text_of_a_small_MudChip(Color color, Variant variant)
    {
        var component = Render<MudChip<string>>(p => p
            .Add(c => c.Size, Size.Small).Add(c => c.Color, color).Add(c => c.Variant, variant).Add(c => c.Class, "app-tag")
            .AddChildContent("Overdue"));
        var plain = Render(Plain.Chip("Overdue", color, "app-tag", variant));

        var expected = component.Find(".mud-chip");
        var chip = plain.Find(".mud-chip");
        Assert.Equal(Classes(expected), Classes(chip));
        Assert.Equal(Classes(expected.QuerySelector(".mud-chip-content")!), Classes(chip.QuerySelector(".mud-chip-content")!));
        Assert.Equal("Overdue", chip.TextContent);
        Assert.Null(chip.GetAttribute("tabindex"));
    }

    [Fact]
    public void A_chip_can_carry_an_id()
    {
        var plain = Render(Plain.Chip("Active", Color.Success, id: "user-status"));

        Assert.Equal("Active", plain.Find("#user-status").TextContent);
    }

    [Theory]
    [InlineData(Typo.h1)]
    [InlineData(Typo.h2)]
    [InlineData(Typo.h3)]
    [InlineData(Typo.h6)]
    [InlineData(Typo.body1)]
    [InlineData(Typo.body2)]
    public void Text_classes_are_those_of_MudText(Typo typo)
    {
        var component = Render<MudText>(p => p.Add(t => t.Typo, typo).AddChildContent("Heading"));

        Assert.Equal(Classes(component.Find(".mud-typography")), Plain.Text(typo).Split(' ').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Link_classes_are_those_of_MudLink()
    {
        var always = Render<MudLink>(p => p.Add(l => l.Href, "/a").Add(l => l.Underline, Underline.Always).AddChildContent("A"));
        var body2 = Render<MudLink>(p => p.Add(l => l.Href, "/a").Add(l => l.Underline, Underline.Always).Add(l => l.Typo, Typo.body2).AddChildContent("A"));
        var hover = Render<MudLink>(p => p.Add(l => l.Href, "/a").Add(l => l.Typo, Typo.body2).AddChildContent("A"));

        Assert.Equal(Classes(always.Find("a")), Plain.Link.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal(Classes(body2.Find("a")), Plain.LinkBody2.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal(Classes(hover.Find("a")), Plain.LinkHoverBody2.Split(' ').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_icon_is_the_svg_of_MudIcon_hidden_from_screen_readers()
    {
        var component = Render<MudIcon>(p => p.Add(i => i.Icon, Icons.Material.Filled.Search));
        var plain = Render(Plain.Icon(Icons.Material.Filled.Search));

        var expected = component.Find("svg");
        var icon = plain.Find("svg");
        Assert.Equal(Classes(expected), Classes(icon));
        Assert.Equal(expected.GetAttribute("viewBox"), icon.GetAttribute("viewBox"));
        Assert.Equal(expected.InnerHtml, icon.InnerHtml);
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
        Assert.Equal("false", icon.GetAttribute("focusable"));
    }

    private static IOrderedEnumerable<string> Classes(IElement element) => element.ClassList.Order(StringComparer.Ordinal);
}

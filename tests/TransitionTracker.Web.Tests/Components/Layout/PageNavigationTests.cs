using TransitionTracker.Web.Components.Layout;

namespace TransitionTracker.Web.Tests.Components.Layout;

public sealed class PageNavigationTests
{
    [Theory]
    [InlineData("/sign-in", true)]
    [InlineData("/admin/users/0b7c1d2e", false)]
    [InlineData("/sign-in?ReturnUrl=%2Fconsortia%2F00G", true)]
    [InlineData("/consortia/00G/plan/functions/new?from=status", false)]
    [InlineData("/consortia/00G/actions/12", false)]
    [InlineData("/consortia/00G/lessons/new", false)]
    [InlineData("/", false)]
    [InlineData("/search?q=Newcastle", false)]
    [InlineData("/no/such/page", false)]
    public void Pages_excluded_from_interactive_routing_are_opened_with_a_full_page_load(string href, bool isStatic) =>
        Assert.Equal(isStatic, PageNavigation.IsStaticPage(href));
}

using TransitionTracker.Domain.Text;

namespace TransitionTracker.Domain.Tests.Text;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Agreed with every practice.\nReviewed\tmonthly.\r\n")]
    [InlineData("<script>alert(1)</script> '; DROP TABLE \"Consortia\"; -- {{7*7}}")]
    [InlineData("Café – £1,500 — naïve ‘quotes’ עברית العربية")]
    [InlineData("")]
    public void Text_people_type_is_allowed(string text) => Assert.False(PlainText.HasForbiddenCharacter(text));

    [Theory]
    [InlineData("x\0y")]
    [InlineData("x\u0001y")]
    [InlineData("\u001b[31mred")]
    [InlineData("x\u007fy")]
    [InlineData("x\u0085y")]
    [InlineData("abc\u202Edcb")]
    [InlineData("abc\u2066x\u2069")]
    public void Control_characters_and_direction_overrides_are_refused(string text) => Assert.True(PlainText.HasForbiddenCharacter(text));

    [Fact]
    public void The_message_names_the_field() =>
        Assert.Equal("Description must not contain control characters or text-direction overrides: type or paste plain text", PlainText.ForbiddenMessage("Description"));
}

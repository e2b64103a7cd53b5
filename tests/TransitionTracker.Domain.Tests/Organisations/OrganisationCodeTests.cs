using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Tests.Organisations;

public sealed class OrganisationCodeTests
{
    [Theory]
    [InlineData("q30", "Q30")]
    [InlineData(" 5d7 ", "5D7")]
    [InlineData("A86003", "A86003")]
    public void Codes_from_requests_are_matched_case_insensitively(string input, string expected) =>
        Assert.Equal(expected, OrganisationCode.TryNormalise(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<script>")]
    [InlineData("5D7'; DROP TABLE")]
    [InlineData("ABCDEFGHIJK")]
    public void Anything_that_cannot_be_a_code_is_refused(string? input) =>
        Assert.Null(OrganisationCode.TryNormalise(input));
}

using System.Net;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Editing;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Access;

/// <summary>Passwords: a length rule and a list of common passwords, no rules about kinds of characters.</summary>
public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("Password123456")]
    [InlineData("P@ssw0rd2011!!")]
    [InlineData("123456789012")]
    [InlineData("111111111111")]
    [InlineData("Liverpool-1892")]
    [InlineData("qwertyuiop123")]
    [InlineData("Welcome2011!!")]
    [InlineData("TransitionTracker1")]
    public void Common_passwords_are_refused_with_digits_or_symbols_added_and_letters_disguised(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData(DemoAccountSeeder.DefaultPassword)]
    [InlineData("Commissioning-2011")]
    [InlineData("First-admin-2011")]
    [InlineData("correct horse battery staple")]
    [InlineData("monkeys on a bicycle")]
    [InlineData("9 lives of a practice manager")]
    public void Passwords_not_on_the_list_are_accepted(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public async Task Creating_a_user_refuses_a_common_password_and_accepts_a_long_one_without_capitals_or_digits()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var common = await CreateAsync(factory, "common.password@example.nhs.uk", "Password123456");
        var phrase = await CreateAsync(factory, "pass.phrase@example.nhs.uk", "correct horse battery staple");

        Assert.Equal([(AccountFields.Password, CommonPasswordValidator.Message)], common.Problems.Select(p => (p.Field, p.Message)));
        Assert.True(phrase.IsSaved);
        var (_, form) = await HtmlPage.GetAsync(admin, "/admin/users/new");
        Assert.Contains(form.QuerySelectorAll(".mud-input-helper-text"), h => h.Text().StartsWith("Use 12 characters or more. Common passwords", StringComparison.Ordinal));
    }

    private static Task<EditOutcome> CreateAsync(TransitionTrackerFactory factory, string email, string password) =>
        AdminAccounts.ChangeAsync(factory.Services, async (accounts, admin) =>
            await accounts.CreateAsync(admin, email, "Jo Bloggs", password, CancellationToken.None));
}

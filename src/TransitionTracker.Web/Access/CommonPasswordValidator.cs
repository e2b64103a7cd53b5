using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Refuses passwords that attackers try first (ASVS 2.1.7): those on the shipped list of common and breached
/// passwords (<c>CommonPasswords.txt</c>), also with digits or symbols added before or after them ("Password2011!")
/// and with letters written as look-alikes ("P@ssw0rd"). With the length rule this replaces rules about kinds of
/// characters (ASVS 2.1.9).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<TransitionTrackerUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    public const string Message = "Password is too common. Choose one that is harder to guess, like 3 or 4 random words";

    private const int ShortestDigitRun = 6;

    private static readonly char[] Affix = [.. "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~£"];

    private static readonly FrozenSet<string> Common = Load();

    private static readonly (char LookAlike, char Letter)[] LookAlikes =
        [('@', 'a'), ('4', 'a'), ('3', 'e'), ('1', 'i'), ('!', 'i'), ('0', 'o'), ('$', 's'), ('5', 's'), ('7', 't')];

    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim(Affix);
        if (core.Length == 0)
        {
            // Only digits and symbols: refused when it starts with a common one ("123456789012", "111111111111").
            return Enumerable.Range(ShortestDigitRun, Math.Max(0, lower.Length - ShortestDigitRun + 1)).Any(n => Common.Contains(lower[..n]));
        }

        return Common.Contains(lower) || Common.Contains(core) || Common.Contains(Plain(core));
    }

    public Task<IdentityResult> ValidateAsync(UserManager<TransitionTrackerUser> manager, TransitionTrackerUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Message })
            : IdentityResult.Success);

    private static string Plain(string text)
    {
        var letters = text.ToCharArray();
        for (var i = 0; i < letters.Length; i++)
        {
            foreach (var (lookAlike, letter) in LookAlikes)
            {
                if (letters[i] == lookAlike)
                {
                    letters[i] = letter;
                }
            }
        }

        return new string(letters);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("TransitionTracker.Web.Access.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}

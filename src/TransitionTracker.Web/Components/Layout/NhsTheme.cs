using MudBlazor;

namespace TransitionTracker.Web.Components.Layout;

/// <summary>
/// The NHS identity as a MudBlazor theme: NHS Blue primary, the NHS colour palette, Arial-like type. Track colours
/// (docs/architecture.md, "Interactive pages"): fast mover is NHS Green (Success); needs support is NHS Warm Yellow
/// (Warning) with dark text, never green. Every text colour here meets WCAG 2.2 AA contrast on its background.
/// </summary>
public static class NhsTheme
{
    public const string Blue = "#005EB8";
    public const string DarkBlue = "#003087";
    public const string Green = "#007F3B";
    public const string WarmYellow = "#FFB81C";
    public const string Red = "#D5281B";
    public const string Black = "#212B32";
    public const string DarkGrey = "#425563";
    public const string PaleGrey = "#E8EDEE";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Blue,
            PrimaryContrastText = "#FFFFFF",
            Secondary = DarkBlue,
            SecondaryContrastText = "#FFFFFF",
            Tertiary = "#330072",
            Info = "#005EB8",
            InfoContrastText = "#FFFFFF",
            Success = Green,
            SuccessContrastText = "#FFFFFF",
            Warning = WarmYellow,
            WarningContrastText = Black,
            // The text of a warning note on a light background: a dark brown of the same hue (7:1).
            WarningDarken = "#6B4A00",
            Error = Red,
            ErrorContrastText = "#FFFFFF",
            Dark = Black,
            TextPrimary = Black,
            TextSecondary = DarkGrey,
            Background = "#F0F4F5",
            Surface = "#FFFFFF",
            AppbarBackground = Blue,
            AppbarText = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = Black,
            DrawerIcon = DarkGrey,
            LinesDefault = "#D8DDE0",
            TableLines = "#D8DDE0",
            Divider = "#D8DDE0",
            ActionDefault = DarkGrey,
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#41B6E6",
            PrimaryContrastText = Black,
            Secondary = "#AEB7BD",
            SecondaryContrastText = Black,
            Info = "#41B6E6",
            InfoContrastText = Black,
            Success = "#78BE20",
            SuccessContrastText = Black,
            Warning = WarmYellow,
            WarningContrastText = Black,
            WarningDarken = WarmYellow,
            Error = "#FF7A6E",
            ErrorContrastText = Black,
            TextPrimary = "#F0F4F5",
            TextSecondary = "#C6CDD2",
            Background = "#1B2329",
            Surface = "#26323A",
            AppbarBackground = DarkBlue,
            AppbarText = "#FFFFFF",
            DrawerBackground = "#26323A",
            DrawerText = "#F0F4F5",
            DrawerIcon = "#C6CDD2",
            ActionDefault = "#C6CDD2",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Arial", "Helvetica", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "4px",
        },
    };
}

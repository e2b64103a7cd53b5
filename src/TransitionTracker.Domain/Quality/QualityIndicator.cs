using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Quality;

/// <summary>
/// One PCT's quality and finance position for one month during the transition: QIPP savings planned and delivered
/// (£ thousands), emergency admissions against the same month last year, winter plan status, and the share of
/// patients treated within 18 weeks of referral (admitted and non-admitted pathways).
/// </summary>
public sealed class QualityIndicator : IRevisioned
{
    /// <summary>The 18-week referral-to-treatment standards: 90% admitted, 95% non-admitted.</summary>
    public const decimal RttAdmittedStandard = 90m;
    public const decimal RttNonAdmittedStandard = 95m;

    public QualityIndicator(string pctCode, DateOnly month, decimal qippPlannedThousands, decimal qippDeliveredThousands,
        decimal emergencyAdmissionsChangePercent, WinterPlanStatus winterPlan, decimal rttAdmittedPercent, decimal rttNonAdmittedPercent,
        string recordedBy, DateTime recordedAtUtc)
    {
        PctCode = OrganisationCode.Normalise(pctCode);
        Month = new DateOnly(month.Year, month.Month, 1);
        Set(qippPlannedThousands, qippDeliveredThousands, emergencyAdmissionsChangePercent, winterPlan, rttAdmittedPercent, rttNonAdmittedPercent, recordedBy, recordedAtUtc);
        RecordedBy = recordedBy;
    }

    public int Id { get; private set; }

    public string PctCode { get; private set; }

    /// <summary>The first day of the month reported.</summary>
    public DateOnly Month { get; private set; }

    public decimal QippPlannedThousands { get; private set; }

    public decimal QippDeliveredThousands { get; private set; }

    public decimal EmergencyAdmissionsChangePercent { get; private set; }

    public WinterPlanStatus WinterPlan { get; private set; }

    public decimal RttAdmittedPercent { get; private set; }

    public decimal RttNonAdmittedPercent { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public int Revision { get; private set; }

    /// <summary>Green when QIPP delivery is at least 95% of plan, amber from 80%, red below.</summary>
    public Rag QippRag => QippPlannedThousands <= 0 ? Rag.Green
        : QippDeliveredThousands >= QippPlannedThousands * 0.95m ? Rag.Green
        : QippDeliveredThousands >= QippPlannedThousands * 0.8m ? Rag.Amber : Rag.Red;

    /// <summary>Green when emergency admissions did not rise, amber up to 3% rise, red above.</summary>
    public Rag EmergencyAdmissionsRag => EmergencyAdmissionsChangePercent <= 0 ? Rag.Green : EmergencyAdmissionsChangePercent <= 3 ? Rag.Amber : Rag.Red;

    public Rag WinterPlanRag => WinterPlan switch
    {
        WinterPlanStatus.Agreed or WinterPlanStatus.Tested => Rag.Green,
        WinterPlanStatus.Draft => Rag.Amber,
        _ => Rag.Red,
    };

    /// <summary>Green at or above the standard, amber within 2 points of it, red below that.</summary>
    public Rag RttAdmittedRag => Against(RttAdmittedPercent, RttAdmittedStandard);

    public Rag RttNonAdmittedRag => Against(RttNonAdmittedPercent, RttNonAdmittedStandard);

    public void Set(decimal qippPlannedThousands, decimal qippDeliveredThousands, decimal emergencyAdmissionsChangePercent,
        WinterPlanStatus winterPlan, decimal rttAdmittedPercent, decimal rttNonAdmittedPercent, string recordedBy, DateTime recordedAtUtc)
    {
        if (qippPlannedThousands < 0 || qippDeliveredThousands < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(qippPlannedThousands), "QIPP values cannot be negative.");
        }

        if (rttAdmittedPercent is < 0 or > 100 || rttNonAdmittedPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(rttAdmittedPercent), "Percentages of patients are between 0 and 100.");
        }

        QippPlannedThousands = qippPlannedThousands;
        QippDeliveredThousands = qippDeliveredThousands;
        EmergencyAdmissionsChangePercent = emergencyAdmissionsChangePercent;
        WinterPlan = winterPlan;
        RttAdmittedPercent = rttAdmittedPercent;
        RttNonAdmittedPercent = rttNonAdmittedPercent;
        RecordedBy = recordedBy;
        RecordedAtUtc = recordedAtUtc;
        Revision++;
    }

    private static Rag Against(decimal value, decimal standard) => value >= standard ? Rag.Green : value >= standard - 2 ? Rag.Amber : Rag.Red;
}

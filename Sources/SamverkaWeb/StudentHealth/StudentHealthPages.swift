import Foundation
import SamverkaCore
import SamverkaStore

/// The Steg 1 form: the pupil, the team it goes to, the two descriptions.
struct EHTReferralFormPage {
    let form: EHTReferralForm
    let state: FormState

    var data: [String: Any] {
        var d = state.data
        d["child"] = form.childName
        d["team"] = form.team?.name ?? false
        d["noTeam"] = form.team == nil
        d["noTeamMessage"] = StudentHealthMessages.noTeam
        d["action"] = SiteURL.childEHTReferral(.value(form.childID)).path
        d["back"] = SiteURL.child(.value(form.childID)).path
        return d
    }
}

/// A referral's page: what the mentor wrote, the reflections, the decision, and the forms
/// the policy allows (the team's reflection, the rektor's decision).
struct EHTReferralPageModel {
    let page: EHTReferralPage
    let state: FormState
    let posted: String?
    let notice: String?

    var data: [String: Any] {
        let r = page.referral
        var d = state.data
        var values = state.values
        if posted != "beslut" { values["decision_date"] = page.today.iso }
        d["values"] = values
        d["notice"] = notice ?? false
        d["id"] = r.id
        d["child"] = r.childName
        d["childLink"] = SiteURL.child(.value(r.childID)).path
        d["team"] = r.forumName
        d["teamLink"] = SiteURL.forum(.value(r.forumID)).path
        d["sent"] = Stockholm.format(r.sentAt)
        d["sentBy"] = r.sentByName
        d["situation"] = r.situation
        d["adaptations"] = r.adaptations
        d["stage"] = r.stage.label
        d["reflections"] = r.reflections.map { ["by": $0.name, "at": Stockholm.format($0.at), "text": $0.text] }
        d["hasReflections"] = !r.reflections.isEmpty
        if let decision = r.decision {
            d["decision"] = ["outcome": decision.outcome.label, "date": decision.record.date.iso, "by": decision.record.decidedByName, "reasons": decision.record.reasons]
        } else {
            d["decision"] = false
        }
        d["mayReflect"] = page.mayReflect
        d["reflectAction"] = SiteURL.ehtReferralForm(.value(r.id), form: .value("reflektion")).path
        d["mayDecide"] = page.mayDecide
        d["decideAction"] = SiteURL.ehtReferralForm(.value(r.id), form: .value("beslut")).path
        let chosen = posted == "beslut" ? state.values["outcome"] : nil
        d["outcomes"] = EHTDecisionOutcome.allCases.map { ["value": $0.rawValue, "label": $0.label, "checked": chosen == $0.rawValue] as [String: Any] }
        d["reason"] = page.reason.text
        d["legal"] = LegalReference.studentHealthSecrecy.current
        d["directoryLink"] = SiteURL.helpDirectory.path
        return d
    }
}

/// A referral as a line on the child page or the team's forum page.
struct EHTReferralRow {
    let referral: EHTReferral

    var data: [String: Any] {
        ["link": SiteURL.ehtReferral(.value(referral.id)).path, "number": referral.id, "child": referral.childName, "team": referral.forumName,
         "sent": Stockholm.format(referral.sentAt), "stage": referral.stage.label, "decided": referral.decision != nil]
    }
}

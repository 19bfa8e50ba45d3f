#include "domain/customer_exit.h"

namespace cartera::domain {

Status validateExit(const CustomerExit& exit)
{
    if (exit.customerId <= 0) {
        return invalidInput("an exit needs a customer", "customer");
    }
    if (exit.noticeOn && exit.effectiveOn < *exit.noticeOn) {
        return invalidInput("the effective date " + exit.effectiveOn.toIso() + " is before the notice date " +
                                exit.noticeOn->toIso(),
                            "effective date");
    }
    if (exit.lostAnnualRevenue < 0) {
        return invalidInput("the lost annual revenue cannot be negative", "lost annual revenue");
    }
    if (exit.outcome == ExitOutcome::WonBack) {
        if (!exit.wonBackOn) {
            return invalidInput("a won-back exit needs the date the customer came back", "won back on");
        }
        if (*exit.wonBackOn < exit.effectiveOn) {
            return invalidInput("the customer cannot come back (" + exit.wonBackOn->toIso() + ") before it left (" +
                                    exit.effectiveOn.toIso() + ")",
                                "won back on");
        }
    } else if (exit.wonBackOn) {
        return invalidInput("only a won-back exit has a won-back date", "won back on");
    }
    if (exit.competitor.size() > 200) {
        return invalidInput("the competitor name is longer than 200 characters", "competitor");
    }
    return Done{};
}

CustomerStatus statusAfterExit(const CustomerExit& exit)
{
    return exit.outcome == ExitOutcome::Lost ? CustomerStatus::Exited : CustomerStatus::Active;
}

} // namespace cartera::domain

#include "storage/activity_repository.h"

#include "storage/customer_repository.h"
#include "storage/sales_rep_repository.h"
#include "support/sample_records.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace cartera::domain;
using namespace cartera::storage;
using cartera::testing::SampleDatabase;
using cartera::testing::sampleCustomer;

namespace {

/// A small log over two accounts and two reps, to list through every filter.
class ActivityLogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        SalesRep rep;
        rep.code = "R1";
        rep.name = "Ana";
        SalesRepRepository(sample.db).insert(rep);
        ana = rep.id;
        rep.code = "R2";
        rep.name = "Bruno";
        SalesRepRepository(sample.db).insert(rep);
        bruno = rep.id;
        Customer a = sampleCustomer("A1", "Alpha");
        CustomerRepository(sample.db).insert(a);
        Customer b = sampleCustomer("B1", "Beta");
        CustomerRepository(sample.db).insert(b);
        add(a.id, ana, ActivityType::Call, Date(2026, 1, 5), "call 1");
        add(a.id, ana, ActivityType::Claim, Date(2026, 2, 1), "claim open", ActivityStatus::Open);
        add(b.id, bruno, ActivityType::Claim, Date(2026, 3, 1), "claim closed", ActivityStatus::Closed);
        add(b.id, bruno, ActivityType::Meeting, Date(2026, 3, 1), "meeting");
        add(b.id, std::nullopt, ActivityType::InformationRequest, Date(2026, 4, 2), "request", ActivityStatus::InProgress);
    }

    void add(CustomerId customer, std::optional<RepId> owner, ActivityType type, Date on, const std::string& subject,
             std::optional<ActivityStatus> status = std::nullopt)
    {
        Activity a;
        a.customerId = customer;
        a.ownerRepId = owner;
        a.type = type;
        a.occurredOn = on;
        a.subject = subject;
        a.status = status;
        if (status == ActivityStatus::InProgress || status == ActivityStatus::Closed) {
            a.firstResponseOn = on.addDays(1);
        }
        if (status == ActivityStatus::Closed) {
            a.resolvedOn = on.addDays(3);
            a.closedOn = on.addDays(4);
        }
        activities.insert(a);
    }

    std::vector<std::string> subjects(const ActivityFilter& filter, std::int64_t offset = 0, int limit = 100)
    {
        std::vector<std::string> result;
        for (const auto& row : activities.list(filter, offset, limit)) {
            result.push_back(row.activity.subject);
        }
        EXPECT_EQ(activities.count(filter), offset == 0 && limit >= 100 ? static_cast<std::int64_t>(result.size())
                                                                          : activities.count(filter));
        return result;
    }

    using Subjects = std::vector<std::string>;
    SampleDatabase sample;
    ActivityRepository activities{sample.db};
    RepId ana = 0;
    RepId bruno = 0;
};

} // namespace

TEST_F(ActivityLogTest, listsEveryActivityNewestFirstWithItsAccountAndOwner)
{
    const auto rows = activities.list({}, 0, 100);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(subjects({}), (Subjects{"request", "meeting", "claim closed", "claim open", "call 1"}));
    EXPECT_EQ(rows[0].customerCode, "B1");
    EXPECT_EQ(rows[0].customerName, "Beta");
    EXPECT_EQ(rows[0].ownerName, "");
    EXPECT_EQ(rows[4].ownerName, "Ana");
    EXPECT_EQ(activities.count({}), 5);
}

TEST_F(ActivityLogTest, eachFilterNarrowsTheLogAndTheyCombine)
{
    ActivityFilter f;
    f.type = ActivityType::Claim;
    EXPECT_EQ(subjects(f), (Subjects{"claim closed", "claim open"}));
    f = {};
    f.progress = ActivityProgress::Pending;
    EXPECT_EQ(subjects(f), (Subjects{"request", "claim open"}));
    f.progress = ActivityProgress::Done;
    EXPECT_EQ(subjects(f), (Subjects{"claim closed"}));
    f = {};
    f.ownerRepId = bruno;
    EXPECT_EQ(subjects(f), (Subjects{"meeting", "claim closed"}));
    f = {};
    f.since = Date(2026, 3, 1);
    EXPECT_EQ(subjects(f), (Subjects{"request", "meeting", "claim closed"}));
    f.type = ActivityType::Claim;
    f.ownerRepId = bruno;
    EXPECT_EQ(subjects(f), (Subjects{"claim closed"}));
    f.ownerRepId = ana;
    EXPECT_EQ(subjects(f), (Subjects{}));
    EXPECT_EQ(activities.count(f), 0);
}

TEST_F(ActivityLogTest, pagesFollowEachOtherWithoutGapsOrRepeats)
{
    EXPECT_EQ(subjects({}, 0, 2), (Subjects{"request", "meeting"}));
    EXPECT_EQ(subjects({}, 2, 2), (Subjects{"claim closed", "claim open"}));
    EXPECT_EQ(subjects({}, 4, 2), (Subjects{"call 1"}));
    EXPECT_EQ(subjects({}, 6, 2), (Subjects{}));
}

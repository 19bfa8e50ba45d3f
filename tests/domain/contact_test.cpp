#include "domain/contact.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

TEST(Contact, fullNameJoinsFirstAndLastName)
{
    Contact c;
    c.firstName = "Ana";
    c.lastName = "Ruiz";
    EXPECT_EQ(c.fullName(), "Ana Ruiz");
}

TEST(Contact, fullNameOmitsAMissingPart)
{
    Contact c;
    c.lastName = "Ruiz";
    EXPECT_EQ(c.fullName(), "Ruiz");
    c.lastName.clear();
    c.firstName = "Ana";
    EXPECT_EQ(c.fullName(), "Ana");
    c.firstName.clear();
    EXPECT_EQ(c.fullName(), "");
}

#include "domain/customer_validation.h"

#include <gtest/gtest.h>

using namespace cartera::domain;

namespace {

Customer validCustomer()
{
    Customer c;
    c.code = "C-000123";
    c.name = "Dupont & Fils SARL";
    c.country = "FR";
    c.email = "contact@dupont.example";
    return c;
}

std::string failingField(const Customer& customer)
{
    const auto status = validateCustomer(customer);
    return status ? std::string("valid") : status.error().where;
}

} // namespace

TEST(CustomerValidation, acceptsACompleteCustomer)
{
    EXPECT_EQ(failingField(validCustomer()), "valid");
}

TEST(CustomerValidation, acceptsEmptyOptionalFields)
{
    Customer c;
    c.code = "X";
    c.name = "Y";
    EXPECT_EQ(failingField(c), "valid");
}

TEST(CustomerValidation, requiresACodeThatIsNotBlank)
{
    Customer c = validCustomer();
    c.code = "";
    EXPECT_EQ(failingField(c), "code");
    c.code = "   \t";
    EXPECT_EQ(failingField(c), "code");
    EXPECT_EQ(validateCustomer(c).error().code, ErrorCode::InvalidInput);
}

TEST(CustomerValidation, limitsTheCodeToFortyCharacters)
{
    Customer c = validCustomer();
    c.code = std::string(40, 'A');
    EXPECT_EQ(failingField(c), "valid");
    c.code = std::string(41, 'A');
    EXPECT_EQ(failingField(c), "code");
}

TEST(CustomerValidation, requiresANameThatIsNotBlank)
{
    Customer c = validCustomer();
    c.name = " ";
    EXPECT_EQ(failingField(c), "name");
}

TEST(CustomerValidation, requiresATwoLetterUpperCaseCountryCode)
{
    Customer c = validCustomer();
    for (const char* bad : {"F", "FRA", "fr", "Fr", "F1", "France"}) {
        c.country = bad;
        EXPECT_EQ(failingField(c), "country") << bad;
    }
    c.country = "fr";
    EXPECT_NE(validateCustomer(c).error().message.find("'fr'"), std::string::npos);
    c.country = "DE";
    EXPECT_EQ(failingField(c), "valid");
}

TEST(CustomerValidation, requiresAPlausibleEmailAddress)
{
    Customer c = validCustomer();
    for (const char* bad : {"contact", "@dupont.example", "contact@dupont", "contact.dupont.example"}) {
        c.email = bad;
        EXPECT_EQ(failingField(c), "email") << bad;
    }
    c.email = "a.b@c.example";
    EXPECT_EQ(failingField(c), "valid");
}

TEST(CustomerValidation, trimmedRemovesSpacesAtBothEndsOnly)
{
    EXPECT_EQ(trimmed("  Val2 "), "Val2");
    EXPECT_EQ(trimmed("\tA B\n"), "A B");
    EXPECT_EQ(trimmed("   "), "");
    EXPECT_EQ(trimmed(""), "");
}

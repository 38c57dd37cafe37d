// The national id validators, looked up by name as rules do. Every valid
// value here was computed with the check algorithm for these tests (random
// digits, then the check digit); none is a real person's number. Each valid
// value has a corrupted twin: one digit or letter changed.
#include "scanner/validators.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace {

bool valid(std::string_view validator, std::string_view text) {
  veil::ValidatorFn fn = veil::find_validator(validator);
  const bool found = fn != nullptr;
  REQUIRE_MESSAGE(found, "no validator named " << validator);
  return fn(text);
}

} // namespace

TEST_SUITE("scanner::validators_national_ids") {

  TEST_CASE("every national id validator is registered under its name") {
    for (std::string_view name :
         {"aba_routing",  "au_abn",          "au_medicare", "au_tfn",
          "br_cnpj",      "br_cpf",          "ca_sin",      "cn_resident_id",
          "de_tax_id",    "es_nie",          "es_nif",      "fi_hetu",
          "fr_nir",       "in_aadhaar",      "in_pan",      "it_fiscal_code",
          "jp_my_number", "kr_rrn",          "mx_curp",     "nl_bsn",
          "pl_pesel",     "se_personnummer", "sg_nric_fin", "uk_nhs",
          "uk_nino",      "us_itin",         "us_passport", "verhoeff"}) {
      const bool found = veil::find_validator(name) != nullptr;
      CHECK_MESSAGE(found, name);
    }
  }

  TEST_CASE("no validator accepts empty text or garbage") {
    for (std::string_view name : veil::validator_names()) {
      CHECK_FALSE_MESSAGE(valid(name, ""), name);
      CHECK_FALSE_MESSAGE(valid(name, "hello world"), name);
    }
  }

  // ------------------------------------------------------------ Americas

  TEST_CASE("us_itin: 9, then the IRS group ranges") {
    CHECK(valid("us_itin", "952-70-6018"));
    CHECK(valid("us_itin", "915 88 9083"));
    CHECK(valid("us_itin", "901526613"));
    CHECK(valid("us_itin", "918-94-6091"));
    CHECK(valid("us_itin", "900-65-0001"));
    // Groups 66-69, 89 and 93 are never used; an SSN does not start with 9.
    CHECK_FALSE(valid("us_itin", "952-66-6018"));
    CHECK_FALSE(valid("us_itin", "952-89-6018"));
    CHECK_FALSE(valid("us_itin", "952-93-6018"));
    CHECK_FALSE(valid("us_itin", "852-70-6018"));
    CHECK_FALSE(valid("us_itin", "952-70-0000"));
    // Mixed separators, wrong length.
    CHECK_FALSE(valid("us_itin", "952-70 6018"));
    CHECK_FALSE(valid("us_itin", "952-70-60181"));
  }

  TEST_CASE("us_passport: nine digits or a letter and eight, no placeholder") {
    CHECK(valid("us_passport", "584120973"));
    CHECK(valid("us_passport", "A27486153"));
    CHECK(valid("us_passport", "c03150722"));
    CHECK_FALSE(valid("us_passport", "123456789"));
    CHECK_FALSE(valid("us_passport", "000000000"));
    CHECK_FALSE(valid("us_passport", "X00000000"));
    CHECK_FALSE(valid("us_passport", "58412097"));
    CHECK_FALSE(valid("us_passport", "AB2748615"));
  }

  TEST_CASE("aba_routing: 3-7-1 weights and Federal Reserve prefixes") {
    CHECK(valid("aba_routing", "023909968"));
    CHECK(valid("aba_routing", "110308249"));
    CHECK(valid("aba_routing", "266281948"));
    CHECK(valid("aba_routing", "0782-1993-3"));
    CHECK(valid("aba_routing", "315181902"));
    CHECK_FALSE(valid("aba_routing", "023909969"));
    CHECK_FALSE(valid("aba_routing", "110380249")); // neighbours swapped
    // Checksum right, prefix 13 or 50 unassigned.
    CHECK_FALSE(valid("aba_routing", "131234567"));
    CHECK_FALSE(valid("aba_routing", "501234566"));
    CHECK_FALSE(valid("aba_routing", "000000000"));
  }

  TEST_CASE("ca_sin: Luhn over nine digits, never starting 0 or 8") {
    CHECK(valid("ca_sin", "155 979 719"));
    CHECK(valid("ca_sin", "414-710-491"));
    CHECK(valid("ca_sin", "574650750"));
    CHECK(valid("ca_sin", "929 170 348")); // temporary resident
    CHECK_FALSE(valid("ca_sin", "155 979 718"));
    CHECK_FALSE(valid("ca_sin", "414-710 491"));
    CHECK_FALSE(valid("ca_sin", "846712347"));
    CHECK_FALSE(valid("ca_sin", "046712345"));
    CHECK_FALSE(valid("ca_sin", "000 000 000"));
  }

  TEST_CASE("br_cpf: two mod-11 check digits") {
    CHECK(valid("br_cpf", "439.575.513-58"));
    CHECK(valid("br_cpf", "13735379907"));
    CHECK(valid("br_cpf", "075.116.372-48"));
    CHECK(valid("br_cpf", "651.676.122-17"));
    CHECK_FALSE(valid("br_cpf", "439.575.513-59"));
    CHECK_FALSE(valid("br_cpf", "439.575.531-58"));
    CHECK_FALSE(valid("br_cpf", "137353799"));
    // Every repeated digit passes the arithmetic; none is issued.
    CHECK_FALSE(valid("br_cpf", "111.111.111-11"));
  }

  TEST_CASE("br_cnpj: two mod-11 check digits, alphanumeric from 2026") {
    CHECK(valid("br_cnpj", "20.297.299/0001-03"));
    CHECK(valid("br_cnpj", "75288200000271"));
    CHECK(valid("br_cnpj", "18.263.304/0001-07"));
    CHECK(valid("br_cnpj", "A1.B2C.3D4/0001-93"));
    CHECK_FALSE(valid("br_cnpj", "20.297.299/0001-04"));
    CHECK_FALSE(valid("br_cnpj", "75288200000217"));
    CHECK_FALSE(valid("br_cnpj", "A1.B2C.3D4/0001-9A"));
    CHECK_FALSE(valid("br_cnpj", "00.000.000/0000-00"));
  }

  TEST_CASE("mx_curp: birth date and the check digit over 17 characters") {
    CHECK(valid("mx_curp", "GARC850312HJCRDR09"));
    CHECK(valid("mx_curp", "LOPM920701MDFPRR00"));
    CHECK(valid("mx_curp", "SAHJ050915HNLNRNA3")); // born 2005: letter
    CHECK(valid("mx_curp", "PEXA771231MOCRXN18"));
    CHECK_FALSE(valid("mx_curp", "GARC850312HJCRDR08"));
    CHECK_FALSE(valid("mx_curp", "GARC850312HJCRDS09"));
    // 30 February, with the check digit made to fit.
    CHECK_FALSE(valid("mx_curp", "GARC850230HJCRDR08"));
    CHECK_FALSE(valid("mx_curp", "GARC850312HJCRDR9"));
  }

  // -------------------------------------------------------------- Europe

  TEST_CASE("uk_nino: allowed letters, prefixes and suffixes") {
    CHECK(valid("uk_nino", "AB123456C"));
    CHECK(valid("uk_nino", "JG 10 37 95 D"));
    CHECK(valid("uk_nino", "ce 60 21 74 a"));
    CHECK(valid("uk_nino", "WX987654B"));
    // D, F, I, Q, U, V never; O never second; unallocated pairs; E suffix.
    CHECK_FALSE(valid("uk_nino", "DA123456C"));
    CHECK_FALSE(valid("uk_nino", "AO123456C"));
    CHECK_FALSE(valid("uk_nino", "QQ123456C"));
    CHECK_FALSE(valid("uk_nino", "GB123456A"));
    CHECK_FALSE(valid("uk_nino", "TN123456A"));
    CHECK_FALSE(valid("uk_nino", "AB123456E"));
    CHECK_FALSE(valid("uk_nino", "AB12345C"));
    CHECK_FALSE(valid("uk_nino", "AB-12-34-56-C"));
  }

  TEST_CASE("uk_nhs: mod 11 over ten digits") {
    CHECK(valid("uk_nhs", "678 657 9752"));
    CHECK(valid("uk_nhs", "7323194873"));
    CHECK(valid("uk_nhs", "774-911-8624"));
    CHECK(valid("uk_nhs", "727 601 8954"));
    CHECK_FALSE(valid("uk_nhs", "678 657 9753"));
    CHECK_FALSE(valid("uk_nhs", "7323914873"));
    CHECK_FALSE(valid("uk_nhs", "678 657-9752"));
    // A remainder that asks for check digit 10: no number has it.
    for (char last = '0'; last <= '9'; ++last) {
      CHECK_FALSE(valid("uk_nhs", std::string("498259791") + last));
    }
    // The 999 test range and unissued 5xx, each with a fitting check digit.
    CHECK_FALSE(valid("uk_nhs", "9990000018"));
    CHECK_FALSE(valid("uk_nhs", "5123456783"));
    CHECK_FALSE(valid("uk_nhs", "0000000000"));
  }

  TEST_CASE("de_tax_id: one repeated digit and ISO 7064 MOD 11,10") {
    CHECK(valid("de_tax_id", "49513078637"));
    CHECK(valid("de_tax_id", "17 708 935 468"));
    CHECK(valid("de_tax_id", "69651470836"));
    CHECK(valid("de_tax_id", "30712945582"));
    CHECK(valid("de_tax_id", "12131456787")); // a digit three times, apart
    CHECK_FALSE(valid("de_tax_id", "49513078636"));
    CHECK_FALSE(valid("de_tax_id", "49513087637"));
    // Check digit right, digit pattern wrong: no repeat, three in a row,
    // four times, leading zero.
    CHECK_FALSE(valid("de_tax_id", "12345678903"));
    CHECK_FALSE(valid("de_tax_id", "11123456786"));
    CHECK_FALSE(valid("de_tax_id", "12131416780"));
    CHECK_FALSE(valid("de_tax_id", "02134567892"));
  }

  TEST_CASE("fr_nir: fields and the mod-97 key, Corsica included") {
    CHECK(valid("fr_nir", "1 84 07 75 056 123 72"));
    CHECK(valid("fr_nir", "2 91 11 2A 004 037 88"));
    CHECK(valid("fr_nir", "167031305541225"));
    CHECK(valid("fr_nir", "2 02 20 69 123 009 89")); // month unknown
    CHECK(valid("fr_nir", "1 85 03 2B 045 012 96"));
    CHECK_FALSE(valid("fr_nir", "1 84 07 75 056 123 73"));
    CHECK_FALSE(valid("fr_nir", "1 84 07 75 065 123 72"));
    CHECK_FALSE(valid("fr_nir", "2 91 11 2C 004 037 88"));
    // Key right, field wrong: month 13, sex 5.
    CHECK_FALSE(valid("fr_nir", "1 85 13 75 056 123 22"));
    CHECK_FALSE(valid("fr_nir", "5 84 07 75 056 123 66"));
  }

  TEST_CASE("es_nif and es_nie: the mod-23 check letter") {
    CHECK(valid("es_nif", "66661760D"));
    CHECK(valid("es_nif", "31372159-K"));
    CHECK(valid("es_nif", "01092815Q"));
    CHECK(valid("es_nif", "90.139.624-W"));
    CHECK_FALSE(valid("es_nif", "66661760E"));
    CHECK_FALSE(valid("es_nif", "66616760D"));
    CHECK_FALSE(valid("es_nif", "00000000T"));
    CHECK_FALSE(valid("es_nif", "6666176D"));
    CHECK(valid("es_nie", "X5957117W"));
    CHECK(valid("es_nie", "Y-7774121-C"));
    CHECK(valid("es_nie", "Z5472803G"));
    CHECK_FALSE(valid("es_nie", "X5957117X"));
    CHECK_FALSE(valid("es_nie", "Y5957117W")); // the prefix counts
    CHECK_FALSE(valid("es_nie", "A5957117W"));
  }

  TEST_CASE("it_fiscal_code: check letter, month letter, omocodia") {
    CHECK(valid("it_fiscal_code", "RSSMRA85T10A562S"));
    CHECK(valid("it_fiscal_code", "BNCLRA92E58H501J")); // woman: day + 40
    CHECK(valid("it_fiscal_code", "VRDGPP80A01F205X"));
    CHECK(valid("it_fiscal_code", "BNCLRA92E58H50MB")); // M stands for 0
    CHECK_FALSE(valid("it_fiscal_code", "RSSMRA85T10A562T"));
    CHECK_FALSE(valid("it_fiscal_code", "RSSMRA85T10A652S"));
    // Check letter right, month letter F or day 32 impossible.
    CHECK_FALSE(valid("it_fiscal_code", "RSSMRA85F10A562R"));
    CHECK_FALSE(valid("it_fiscal_code", "RSSMRA85T32A562Y"));
  }

  TEST_CASE("nl_bsn: the 11-test") {
    CHECK(valid("nl_bsn", "852808410"));
    CHECK(valid("nl_bsn", "4852.53.884"));
    CHECK(valid("nl_bsn", "853 933 637"));
    CHECK(valid("nl_bsn", "387500479"));
    CHECK_FALSE(valid("nl_bsn", "852808411"));
    CHECK_FALSE(valid("nl_bsn", "852808140"));
    CHECK_FALSE(valid("nl_bsn", "000000000"));
  }

  TEST_CASE("pl_pesel: birth date with the century in the month") {
    CHECK(valid("pl_pesel", "85071501238"));
    CHECK(valid("pl_pesel", "92123104565"));
    CHECK(valid("pl_pesel", "02230507890")); // 2002: month + 20
    CHECK(valid("pl_pesel", "00222901239")); // 29 February 2000
    CHECK_FALSE(valid("pl_pesel", "85071501239"));
    CHECK_FALSE(valid("pl_pesel", "85017501238"));
    // Check digit right, date wrong: 29 February 2001, month 13.
    CHECK_FALSE(valid("pl_pesel", "01222901236"));
    CHECK_FALSE(valid("pl_pesel", "99130101237"));
  }

  TEST_CASE("se_personnummer: date and Luhn, with or without century") {
    CHECK(valid("se_personnummer", "811218-9876"));
    CHECK(valid("se_personnummer", "19811218-9876"));
    CHECK(valid("se_personnummer", "8112189876"));
    CHECK(valid("se_personnummer", "120512+3456")); // over 100 years old
    CHECK(valid("se_personnummer", "811278-9873")); // coordination number
    CHECK_FALSE(valid("se_personnummer", "811218-9877"));
    CHECK_FALSE(valid("se_personnummer", "811281-9876"));
    CHECK_FALSE(valid("se_personnummer", "810230-1234")); // 30 February
    CHECK_FALSE(valid("se_personnummer", "900229-1236")); // 1990 not leap
    CHECK_FALSE(valid("se_personnummer", "8112-189876"));
    CHECK_FALSE(valid("se_personnummer", "17811218-9876"));
  }

  TEST_CASE("fi_hetu: date, century sign and the mod-31 check character") {
    CHECK(valid("fi_hetu", "010594-123W"));
    CHECK(valid("fi_hetu", "230306A457J"));
    CHECK(valid("fi_hetu", "150877Y9023"));
    CHECK(valid("fi_hetu", "290200A050X"));
    CHECK(valid("fi_hetu", "010594+123W"));
    CHECK_FALSE(valid("fi_hetu", "010594-123X"));
    CHECK_FALSE(valid("fi_hetu", "010594-132W"));
    CHECK_FALSE(valid("fi_hetu", "010594G123W"));
    CHECK_FALSE(valid("fi_hetu", "290201A0506")); // 29 February 2001
    CHECK_FALSE(valid("fi_hetu", "010594-001Y")); // individual 001
  }

  // -------------------------------------------------------- Asia-Pacific

  TEST_CASE("in_aadhaar and verhoeff") {
    CHECK(valid("in_aadhaar", "5483 9548 6205"));
    CHECK(valid("in_aadhaar", "779868282888"));
    CHECK(valid("in_aadhaar", "2729-0222-7914"));
    CHECK(valid("in_aadhaar", "258887180338"));
    CHECK_FALSE(valid("in_aadhaar", "5483 9548 6207"));
    CHECK_FALSE(valid("in_aadhaar", "5483 9548 2605")); // swap caught
    CHECK_FALSE(valid("in_aadhaar", "123456789010"));   // never starts with 1
    CHECK_FALSE(valid("in_aadhaar", "5483 9548-6205"));
    CHECK(valid("verhoeff", "2363"));
    CHECK(valid("verhoeff", "123456789010"));
    CHECK_FALSE(valid("verhoeff", "2364"));
    CHECK_FALSE(valid("verhoeff", "5"));
  }

  TEST_CASE("in_pan: ten characters, holder type in the fourth") {
    CHECK(valid("in_pan", "BWKPR4821K"));
    CHECK(valid("in_pan", "AAACT7302M"));
    CHECK(valid("in_pan", "KLMHS0915Q"));
    CHECK_FALSE(valid("in_pan", "ABCDE1234F")); // D is no holder type
    CHECK_FALSE(valid("in_pan", "BWKPR0000K"));
    CHECK_FALSE(valid("in_pan", "BWKPR48211"));
    CHECK_FALSE(valid("in_pan", "BWKPR482K"));
  }

  TEST_CASE("cn_resident_id: province, birth date, ISO 7064 MOD 11-2") {
    CHECK(valid("cn_resident_id", "110105198503121234"));
    CHECK(valid("cn_resident_id", "440306200107094565"));
    CHECK(valid("cn_resident_id", "510107197611200311"));
    CHECK(valid("cn_resident_id", "310115200002290187")); // 29 Feb 2000
    CHECK(valid("cn_resident_id", "32010619880520468X"));
    CHECK(valid("cn_resident_id", "32010619880520468x"));
    CHECK_FALSE(valid("cn_resident_id", "110105198503121235"));
    CHECK_FALSE(valid("cn_resident_id", "32010619880520468Y"));
    CHECK_FALSE(valid("cn_resident_id", "110105198530121234"));
    // Check right; province 99 or 30 February wrong.
    CHECK_FALSE(valid("cn_resident_id", "990105198503121238"));
    CHECK_FALSE(valid("cn_resident_id", "110105198502301233"));
  }

  TEST_CASE("jp_my_number: weighted mod 11, remainders 0 and 1 give 0") {
    CHECK(valid("jp_my_number", "4018 7801 7590"));
    CHECK(valid("jp_my_number", "898347887834"));
    CHECK(valid("jp_my_number", "8483-7261-6759"));
    CHECK(valid("jp_my_number", "136134125240"));
    CHECK(valid("jp_my_number", "483040119800")); // remainder 1
    CHECK_FALSE(valid("jp_my_number", "4018 7801 7591"));
    CHECK_FALSE(valid("jp_my_number", "898347878834"));
    CHECK_FALSE(valid("jp_my_number", "4018-7801 7590"));
    CHECK_FALSE(valid("jp_my_number", "111111111111"));
  }

  TEST_CASE("kr_rrn: date, sex and century digit, check digit") {
    CHECK(valid("kr_rrn", "850312-1234565"));
    CHECK(valid("kr_rrn", "0205074123451"));
    CHECK(valid("kr_rrn", "791103-2345672"));
    CHECK(valid("kr_rrn", "951212-5123456")); // foreigner (FRN)
    CHECK(valid("kr_rrn", "900101-5123450"));
    CHECK_FALSE(valid("kr_rrn", "850312-1234564"));
    CHECK_FALSE(valid("kr_rrn", "850321-1234565"));
    CHECK_FALSE(valid("kr_rrn", "850230-1234561")); // 30 February
    CHECK_FALSE(valid("kr_rrn", "8503121-234565"));
    // Since October 2020 the last digits are random: no check to fail.
    CHECK(valid("kr_rrn", "210315-4817260"));
    CHECK(valid("kr_rrn", "210315-4817263"));
    CHECK_FALSE(valid("kr_rrn", "200915-4817260"));
  }

  TEST_CASE("sg_nric_fin: offsets and letter tables of S, T, F, G, M") {
    CHECK(valid("sg_nric_fin", "S8412345E"));
    CHECK(valid("sg_nric_fin", "T0245678D"));
    CHECK(valid("sg_nric_fin", "F1234508U"));
    CHECK(valid("sg_nric_fin", "G5501234U"));
    CHECK(valid("sg_nric_fin", "M2345678P"));
    CHECK(valid("sg_nric_fin", "s8412345e"));
    CHECK_FALSE(valid("sg_nric_fin", "S8412345F"));
    CHECK_FALSE(valid("sg_nric_fin", "T8412345E")); // the prefix counts
    CHECK_FALSE(valid("sg_nric_fin", "M2345678X"));
    CHECK_FALSE(valid("sg_nric_fin", "A8412345E"));
    CHECK_FALSE(valid("sg_nric_fin", "S841234E"));
  }

  TEST_CASE("au_tfn: weights 1 4 3 7 5 8 6 9 10, mod 11") {
    CHECK(valid("au_tfn", "273 167 236"));
    CHECK(valid("au_tfn", "268656358"));
    CHECK(valid("au_tfn", "515-058-779"));
    CHECK(valid("au_tfn", "065894819"));
    CHECK_FALSE(valid("au_tfn", "273 167 237"));
    CHECK_FALSE(valid("au_tfn", "268665358"));
    CHECK_FALSE(valid("au_tfn", "000000000"));
  }

  TEST_CASE("au_abn: first digit minus one, weighted, mod 89") {
    CHECK(valid("au_abn", "37 131 144 024"));
    CHECK(valid("au_abn", "72264628897"));
    CHECK(valid("au_abn", "46 514 026 140"));
    CHECK(valid("au_abn", "88141931417"));
    CHECK_FALSE(valid("au_abn", "37 131 144 025"));
    CHECK_FALSE(valid("au_abn", "72264682897"));
    CHECK_FALSE(valid("au_abn", "3713114402"));
  }

  TEST_CASE("au_medicare: first digit 2-6, check digit, issue number") {
    CHECK(valid("au_medicare", "2586 49202 9"));
    CHECK(valid("au_medicare", "3124023495"));
    CHECK(valid("au_medicare", "6347 82453 1"));
    CHECK(valid("au_medicare", "4000 88389 8-1")); // with the IRN
    CHECK_FALSE(valid("au_medicare", "2586 49203 9"));
    CHECK_FALSE(valid("au_medicare", "2568 49202 9"));
    CHECK_FALSE(valid("au_medicare", "7123 45684 1"));
    CHECK_FALSE(valid("au_medicare", "2586 49202 0")); // issue number 0
  }
}

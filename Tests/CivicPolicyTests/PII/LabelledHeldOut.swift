// Held-out evaluation set: written before the detectors were tuned; never used for tuning.
// Same format as labelledMain.

let labelledHeldOut: String = """
    // ---------- phone ----------
    Please call Greg at [[phone:414-555-3829]] about the lost wallet.
    The block watch captain is at [[phone:(262) 555-7301]] most evenings.
    Text Nora on [[phone:+1 920 555 4466]] to join the carpool.
    Reach Hector's cell at [[phone:414.555.9021 ext 5]] after work.
    Contact Li at [[phone:4145557002]] to pick up the donation.
    Call [[phone:1 (608) 555-2234]] and leave a message for Ruth.
    Text [[phone:４１４．５５５．３８２９]] for the spare bike.
    Call [[phone:414\u{200C}555\u{200D}3829]] if you found the keys.
    My phone: [[phone:4 1 4 - 5 5 5 - 3 8 2 9]]
    Call Ed at [[phone:555-3829]] for the tool library.
    Phone Kay at [[phone:715 555 0842]] about the quilt show.
    Contact Vic via [[phone:(414) 555-3829 ext. 12]] during business hours.
    Fax [[phone:262-555-4120]] attention Dana.
    Reach me at [[phone:414\u{FEFF}-555-3829]] with the details.
    // ---------- email ----------
    Email Greg at [[email:greg.h@gmail.com]] about the lost wallet.
    Questions: [[email:nora_v [at] yahoo [dot] com]]
    Contact [[email:hector (at) outlook (dot) com]] for rides.
    Write [[email:li.wei@hotmail.com]] with photos.
    Email [[email:ruth at aol dot com]] to volunteer.
    Reach [[email:dana.k@charter.net]] after 5.
    mailto:[[email:kay.quilts@gmail.com]]
    Send receipts to [[email:vic+receipts@gmail.com]].
    Email [[email:ED.B@YAHOO.COM]] for the tool list.
    Reply to [[email:mo[at]icloud[dot]com]] by Sunday.
    Email [[email:ana.r＠gmail.com]] with questions.
    Contact [[email:p.nguyen@uwm.edu]] for tutoring.
    Contact [[email:tina dot m at gmail dot com]] to RSVP.
    Send it to [[email:lee.family@sbcglobal.net]] please.
    // ---------- address ----------
    Greg lives at [[address:3215 N. Frederick Ave.]] near the park.
    Drop off the bike at [[address:1748 S. 9th St.]] after 5.
    The fire damaged [[address:5214 W. Center St. Apt. 2]] overnight.
    Send donations to [[address:P.O. Box 2210, Milwaukee, WI 53202]].
    Her new home at [[address:806 E. Locust St.]] needs a ramp.
    The tenant at [[address:2630 N. Richards St. Unit 3B]] called.
    Mail the form to [[address:PO Box 88]] by Friday.
    Nora moved to [[address:417 Maple Ln, Waukesha, WI 53186]] in March.
    The owner of [[address:3939 S. Howell Ave.]] requested a dumpster.
    Return it to [[address:1122 W. Pierce St. #4]] please.
    The party is at [[address:7701 N. 76th Street]] on Saturday.
    He lives at [[address:2101 W. Oklahoma Ave., Milwaukee, WI 53215]].
    Pick up the chairs at [[address:60 Cedar Ct]] tomorrow.
    The family lives at [[address:1019 E. Lake Bluff Blvd.]] now.
    // ---------- ssn ----------
    Her SSN, [[ssn:234-56-7890]], was in the scan.
    SSN: [[ssn:345678901]]
    Social Security number [[ssn:432-10-9876]] must be removed.
    The attachment showed [[ssn:518-42-3367]] clearly.
    SS# [[ssn:611 22 3344]]
    The applicant's SSN [[ssn:203-04-0506]] was exposed.
    Please redact [[ssn:765-43-2109]] from the post.
    ssn: [[ssn:１２３－４５－６７８９]]
    His social security number is [[ssn:301298765]].
    SSN [[ssn:148-26-3579]] was typed in a comment.
    The volunteer form included [[ssn:602-11-4455]].
    Social Security # [[ssn:427-38-1906]]
    The image shows SSN [[ssn:355\u{200B}-21-4678]] near the signature.
    Remove SSN [[ssn:888-77-6543]] immediately.
    // ---------- card ----------
    The card [[card:4043 4839 5486 2057]] was in the photo.
    Visa [[card:4188 1817 4143 3373]] belongs to a donor.
    Card [[card:4761-7409-3192-5442]] was posted.
    Payment card [[card:4992070741374842]] was shown.
    Old Visa [[card:4777183417046]] appeared.
    Card [[card:4718 7463 3191 2845 295]] is in the screenshot.
    Mastercard [[card:5184 1537 7602 0772]] was visible.
    Card [[card:5564-2656-5150-5568]] was in the PDF.
    Mastercard [[card:2221 1304 4516 6915]] was read aloud.
    Card [[card:2720564041042342]] was charged.
    Amex [[card:3468 535606 88314]] was on the receipt.
    Card [[card:6011 3141 7058 6498]] should be cancelled.
    JCB [[card:3530 4072 2470 4551]] was included.
    UnionPay [[card:6217 4833 8014 1261]] was shown in the comment.
    // ---------- dob ----------
    Greg Hall, born [[dob:April 2, 1958]], retired from DPW.
    DOB: [[dob:11/30/1990]]
    Missing: Nora V., DOB [[dob:5/17/2009]], last seen Friday.
    Her date of birth is [[dob:1984-06-21]].
    Born [[dob:22 June 1947]], she taught at Riverside.
    The honoree (b. [[dob:Feb. 2, 1931]]) was a founding member.
    His birthday is [[dob:October 12, 1999]].
    D.O.B. [[dob:09-14-1972]]
    Birthdate: [[dob:Jan 31, 2015]]
    The resident was born [[dob:August 3rd, 1966]] in Racine.
    DOB [[dob:7/7/07]] on the lost child's bracelet.
    born on [[dob:Nov 5, 1955]]
    Date of birth: [[dob:03.08.1993]]
    The veteran, born [[dob:Sept 9, 1939]], was honored.
    // ---------- negatives ----------
    Call 311 or (414) 286-CITY for pothole reports.
    Email questions to publicworks@milwaukee.gov.
    Visit the Central Library at 814 West Wisconsin Avenue.
    City Hall (200 E Wells St) is closed Monday.
    Send mail to PO Box 324, Milwaukee.
    Call 414-555-0177 to hear the demo message.
    The hotline is 1-866-555-2671.
    The test number 262-555-0111 is reserved for demos.
    The sequence 234-911-5678 is not valid.
    The pattern 376-555-3829 is reserved.
    The entry (114) 555-3829 is invalid.
    The value 965-555-3829 is reserved.
    Account 4145553829 is a water account.
    Asset tag 2625557301 is on the truck.
    Upload time 1718121600 was logged.
    The shipment 9205554466 arrived.
    Meeting on 11/30/2026 at 6 p.m.
    The park opened April 2, 1958.
    Doors open at 9:15 a.m.
    The project costs $3,215,000.
    Fiscal years 2026-2027 are covered.
    Participation rose 18%.
    File #241122 was held in committee.
    File No. 241122 is on the agenda.
    Ord. 23-456 passed.
    Res. 2025-07 was adopted.
    Case No. 2025CV004567 is pending.
    Residents in 53215 and 53221 are eligible.
    ZIP+4 53215-2101 speeds delivery.
    ISBN 978-0-316-76948-0 is this month's book club pick.
    The book 9780316769480 is on hold.
    See https://city.milwaukee.gov/dpw/2026/414-555-3829 for the map.
    Photos: https://instagram.com/@mkeparks
    Install version 3.2.1 of the app.
    Version 10.0.19045 is required.
    Share with #Milwaukee2026 and #Juneteenth2026.
    Nearly 15,000 households responded.
    Crews planted 250 trees on Center St. last fall.
    Over 3,939 lead lines were replaced.
    The number 4043 4839 5486 2058 fails the check.
    The code 4992-0707-4137-4843 is not a card.
    The values 000-45-6789 and 666-12-3456 are invalid.
    The code 950-12-3456 is an ITIN-like placeholder.
    Code 123-45-0000 is a sample.
    Police responded to the 3200 block of N. Frederick Ave.
    Traffic on Howell Ave. is detoured between Morgan and Layton.
    The 1700 block of S. 9th St. will be closed.
    Center St. will be repaved from 35th to 60th streets.
    The library's 125th birthday party is June 1, 2026 at noon.
    The festival began on August 3, 1966.
    He recalled the storm of 7/7/1977.
    Find more at mkepl dot org.
    Register online at parks dot milwaukee dot gov.
    Questions at city hall dot com? No, visit us.
    The 3 Lakes Loop Trail opens Saturday.
    The 2025 Green Corridor Plan is out.
    Meet at 6 Points Plaza for the festival.
    Over 200 Riverwest Neighbors Walk participants joined.
    Bus Route 19 returns to Martin Luther King Dr.
    The 14-day forecast calls for snow.
    The 4-3 vote passed the measure.
    Call 911 for emergencies.
    Dial 211 for help with rent.
    Text 988 for the crisis line.
    Invoice 2026-4145 is due.
    Permit 24-555-3829 was approved.
    Docket 25-414-5553 is scheduled.
    The barcode 0414555382901 is on the tag.
    The server at 10.0.14.55 was upgraded.
    The survey had 414 responses from 555 homes across 3829 blocks.
    Use promo code 4145553829 at checkout.
    The grid reference 414555.3829 marks the site.
    The score ended 2-1 in overtime.
    The range 1-800 covers all tickets.
    Phase 3 adds 12 stations.
    The 2026 Summer Lake Drive Series starts soon.
    """

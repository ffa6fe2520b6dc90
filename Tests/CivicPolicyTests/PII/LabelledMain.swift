// Labelled evaluation set (tuning portion).
// One case per line. Expected findings are marked inline as [[kind:text]]; lines without markers are
// negatives. Lines starting with "//" are comments. Markers are stripped before scanning.

let labelledMain: String = """
    // ---------- phone: positive ----------
    Call Jane at [[phone:414-555-2671]] after 5 p.m. about the missed pickup.
    For questions about the block party, reach Tom Miller at [[phone:(414) 555-2671]].
    The complaint came from a resident at [[phone:414.555.3344]] on Tuesday.
    Her cell is [[phone:+1 414 555 7788]], please call back before noon.
    Contact the organizer, Maria Lopez, at [[phone:1-262-555-4410]] to volunteer.
    Text Mr. Alvarez at [[phone:4145551234]] to RSVP for the cleanup.
    Volunteers can call Ann at [[phone:414-555-2671 ext. 204]] on weekdays.
    Leave a message for Dan Novak at [[phone:(262) 555-9012 x31]] about the tree.
    Phone: [[phone:608-555-3321]] (Kim Lee, block captain).
    The tenant wrote [[phone:920-555-7643]] on the public comment card.
    Call me at [[phone:4 1 4 5 5 5 2 6 7 1]] if the recycling truck does not come.
    Reach her at [[phone:414 555 2671]] before Friday to claim the bike.
    Contact: [[phone:+14145559876]] for the neighborhood association.
    Fax the signed form to Bob at [[phone:414-555-8181]] by Monday.
    Text [[phone:262.555.0911]] for a ride to the polling place (ask for Joe).
    The owner of the lost dog can be reached at [[phone:(414)555-6677]].
    Call Lisa's cell [[phone:414-555-2671 extension 3]] after 6 p.m.
    For details call [[phone:４１４－５５５－２６７１]] today.
    Call [[phone:414\u{200B}555\u{200B}2671]] now to reserve a plot.
    Text [[phone:414\u{AD}555\u{AD}2671]] tonight if you saw the accident.
    Reach Sam at [[phone:414\u{2010}555\u{2010}2671]] for the carpool.
    Call [[phone:414\u{202E}-555-2671]] to report the pothole to the captain.
    Call the homeowner at [[phone:+1 (414) 555-2671]] about the fence.
    Her number is [[phone:414 555 2671]] and she asked us to share it.
    Reach Ms. Grant on [[phone:1 414 555 2671]] for the food pantry schedule.
    Text Ahmed: [[phone:414-555-8899]].
    The caller, who gave [[phone:715-555-2323]], asked for a refund of the fee.
    Call [[phone:414/555-2671]] to reach Pat about the garden.
    Please call Rosa at [[phone:(414) 555 2671]] with any leads.
    Report it to neighbor Al at [[phone:414-555-2671x7]].
    Contact Dee Parks [[phone:312-555-7420]] for the block party permit questions.
    Text [[phone:414-555-2671]] or [[phone:414-555-2672]] for rides to the clinic.
    Call him at [[phone:262 555 3311]] if you have his keys.
    電話 [[phone:（４１４）５５５－２６７１]] までご連絡ください。
    Call [[phone:286-2671]] and ask for Jim about the lost wallet.
    Phone [[phone:555-2671]] and ask for Mary at the front desk.
    Tel. [[phone:414.555.2671]] (Jo, evenings only).
    cell: [[phone:4145552671]]
    Call [[phone:4.1.4.5.5.5.2.6.7.1]] for the spare tickets.
    Call me: [[phone:4\u{200B}1\u{200B}4\u{200B}5\u{200B}5\u{200B}5\u{200B}2\u{200B}6\u{200B}7\u{200B}1]] after work.
    Call [[phone:414\u{A0}555\u{A0}2671]] to donate coats.
    Text [[phone:414\u{2014}555\u{2014}2671]] about the found cat.
    My number is [[phone:(608) 555-1200]] if the crew needs access.
    Call [[phone:414\u{2060}555\u{2060}2671]] for the spare key.
    // ---------- email: positive ----------
    Questions? Email [[email:jane.doe@gmail.com]] before the meeting.
    Send photos of the flooding to [[email:tom_miller77@yahoo.com]] by Friday.
    Contact the resident at [[email:m.alvarez@outlook.com]] about the fence dispute.
    Write to [[email:jdoe [at] gmail [dot] com]] for the flyer.
    RSVP: [[email:ann.k (at) hotmail (dot) com]]
    Email [[email:bob at gmail dot com]] with questions about the fish fry.
    Reach [[email:sarah.lee@comcast.net]] about the community garden plot.
    Send your volunteer form to [[email:kim+garden@gmail.com]].
    Mail [[email:JSMITH@AOL.COM]] for carpool info.
    Her email, [[email:rosa_g@icloud.com]], was posted by mistake.
    <a href="mailto:[[email:pat.k@gmail.com]]">Pat</a> is coordinating the drive.
    mailto:[[email:dan.r@yahoo.com]]
    Email [[email:ahmed[at]protonmail[dot]com]] to join the patrol.
    Tips: [[email:lisa{at}gmail{dot}com]]
    Contact [[email:john dot smith at gmail dot com]] for tickets.
    Write [[email:neighbor.watch22@gmail.com]] to join the list.
    Email [[email:j.o'brien@yahoo.com]] about the parade float.
    Reach [[email:mark.t@sub.example.org]] for the sign-up sheet.
    Complaints came from [[email:angry.resident@hotmail.com]] yesterday.
    Email [[email:ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ]] for help.
    Email [[email:maria.g [at] yahoo.com]] with your size.
    Email [[email:tony (at) gmail.com]] to borrow the tables.
    Send to [[email:e.wright@students.uwm.edu]] by Monday.
    Write [[email:chris_p@ymail.com]] if interested in coaching.
    [[email:carla.v@gmail.com]] organized the lakefront cleanup.
    Email: [[email:BIG.JOE [AT] GMAIL [DOT] COM]]
    Questions go to [[email:nina at outlook dot com]] this year.
    Contact [[email:devon.s@me.com]] about the lost bike.
    Email [[email:r.kowalski@wi.rr.com]] for the raffle.
    Reach [[email:hmong.family.5@gmail.com]] for translation help.
    Send it to [[email:jane\u{200B}@gmail.com]] please.
    Email [[email:sam.w [at] gmail [dot] com]] or stop by.
    Write [[email:ted (at) yahoo (dot) com]] to volunteer.
    Send résumés to [[email:lee.h@gmail.com]] by Friday.
    Text alerts go to [[email:4145552671@vtext.com]] for the captain.
    Questions: [[email:info@smithfamilydaycare.com]]
    Tips go to [[email:tip_line_jan@gmail.com]].
    Email the owner at [[email:owner2024@gmail.com]].
    Contact [[email:jo [at] gmail [dot] com]] to help.
    Email [[email:fatima.a@hotmail.co.uk]] for the recipe.
    Reach [[email:joe.b@milwaukee-gov.com]] for the form.
    Replies went to [[email:keisha@mpl.org.evil.com]] by mistake.
    // ---------- address: positive ----------
    Jane lives at [[address:2417 N. Booth St.]] with her kids.
    The complaint was about [[address:1234 W. Lincoln Ave. Apt 4]] and its porch.
    Deliver the bin to [[address:5520 S. 27th St.]] after noon.
    The fire was at [[address:3301 N. Holton St., Milwaukee, WI 53212]] last night.
    His home, [[address:908 E. Meinecke Ave.]], was damaged in the storm.
    Mail donations to [[address:P.O. Box 1234]] by December.
    Send the form to [[address:PO Box 12]] please.
    Write to [[address:Post Office Box 5]], Cudahy.
    They moved to [[address:2400 W. Wisconsin Ave.]] last year.
    The owner of [[address:4122 N. 35th Street]] called the alderman.
    The family at [[address:1810 S. Layton Blvd. Unit B]] needs a ramp.
    A resident at [[address:3117 W. Clybourn St. #2]] reported a leak.
    Return the keys to [[address:1515 N. Farwell Ave., Apt. 4B]].
    We met the tenant at [[address:600 E. Ogden Ave. Suite 300]] on Monday.
    Ship the kit to [[address:1200 North Ave Ste 3]].
    The tenant at [[address:4509 W Burleigh St Fl 2]] complained about heat.
    [[address:2525 N Humboldt Blvd]] had its tree removed.
    Her address is [[address:123 Main Street, Wauwatosa, WI 53213]].
    He lives at [[address:1234A S. Kinnickinnic Ave.]] near the park.
    She lives at [[address:45 1/2 E. Pleasant St.]] now.
    Send checks to [[address:P. O. Box 909, Milwaukee, WI 53201-0909]].
    Mail: [[address:PO BOX 77]]
    Reach her at [[address:88 Lake Park Dr.]] after school.
    He lives at [[address:3800 W. Martin Luther King Dr.]] with family.
    The car was towed from [[address:1933 N. 5th St.]] overnight.
    The landlord at [[address:700 W. State Street]] has not responded.
    He moved to [[address:5600 Green Bay Rd, Kenosha, WI 53144]] in June.
    Her house at [[address:1000 Oak Park Ave]] flooded.
    The new owner at [[address:1422 E. Brady St.]] wants a patio permit.
    She lives at [[address:2217 N. Prospect Ave., Apt 12]] with her mother.
    Go to [[address:15 Elm Ct.]] to pick up the puppy.
    At [[address:9 Juniper Ln]] the storm took down two trees.
    Missing cat near [[address:2902 S. Delaware Ave.]], answers to Milo.
    Pickup at [[address:8011 W. Bradley Rd. Unit 5]] is confirmed.
    The resident at [[address:312 W. Lake Park]] asked for a new bin.
    The Smiths live at [[address:77 Sunset Pl]] and invited everyone.
    [[address:1600 Pennsylvania Avenue NW, Washington, DC 20500]] is famous.
    Visit Tom at [[address:219 N. Milwaukee St. Fl. 3]] for the keys.
    Neighbors complained about [[address:5025 W. Center St.]] again.
    Send it to [[address:3030 W. Highland Blvd., Milwaukee, Wisconsin 53208]].
    The owner lives at [[address:２４１７ N. Booth St.]] now.
    Mail it to [[address:PO Box 3301, Milwaukee WI 53201]] today.
    The tenant moved to [[address:4233 N. Oakland Ave. Rear]] in May.
    // ---------- ssn: positive ----------
    Her SSN is [[ssn:123-45-6789]] according to the leaked form.
    SSN: [[ssn:219-09-9999]] was exposed in the upload.
    Social Security number [[ssn:078-05-1120]] appeared in the attachment.
    ssn [[ssn:123456789]]
    SS# [[ssn:536-22-1987]]
    The form listed [[ssn:401 23 4567]] as the number.
    Social security no. [[ssn:512-44-3210]] should never be posted.
    Applicant's SSN: [[ssn:555-12-3456]]
    SSN [[ssn:772-31-0042]] was on the scanned page.
    Social Security: [[ssn:234567890]]
    SSN [[ssn:123\u{200B}-45-6789]] was visible in the photo.
    SSN [[ssn:１２３－４５－６７８９]] appeared in the reply.
    His SS #: [[ssn:321-54-9876]]
    soc sec [[ssn:456-78-9012]]
    The SSN on file is [[ssn:609 11 2222]].
    Please remove [[ssn:287-65-4320]] from the post.
    The screenshot showed [[ssn:145-72-8890]] in the corner.
    Applicant ID [[ssn:390-12-4455]]... wait, that is her social security number.
    Do not share numbers like [[ssn:410-22-3344]] online.
    SSN:[[ssn:501-62-7781]]
    The caseworker's note had SSN [[ssn:612345678]] in it.
    Social Security No [[ssn:700-30-1234]] belongs to a resident.
    Her social security number, [[ssn:233-44-5566]], was redacted later.
    ssn# [[ssn:318-27-4401]]
    We accidentally posted [[ssn:429-71-6605]] in the thread.
    The volunteer wrote SSN [[ssn:345 67 8901]] on the sheet.
    The document contains [[ssn:158-23-9044]] and a signature.
    Social Security [[ssn:654-32-1098]] must be removed.
    SSN [[ssn:889-12-3456]] was in the comments.
    His SSN was [[ssn:044-55-6789]].
    A reply included [[ssn:267-38-1190]] by mistake.
    SSN - [[ssn:501 44 3322]]
    the ssn is [[ssn:234-56-7001]]
    S.S.N. [[ssn:376-11-2468]]
    SSN [[ssn:１２３４５６７８９]] (full-width).
    Social security #[[ssn:498-01-7623]]
    SSNs: [[ssn:123-45-6780]] and [[ssn:223-45-6781]].
    Social Sec. [[ssn:667-22-3333]] was read aloud.
    The leaked SSN [[ssn:730-14-2259]] belongs to a city vendor.
    Her SS# is [[ssn:212-12-1212]].
    // ---------- card: positive ----------
    The donor's card [[card:4526 0181 5908 3012]] was charged twice.
    Card number [[card:4661-3186-0913-9090]] was in the photo.
    Refund to [[card:4960308246281940]] was processed.
    The old Visa [[card:4821993518195]] is expired.
    Card [[card:4093 7865 7975 4323 198]] was shared in a comment.
    Mastercard [[card:5148 7574 9118 6257]] was posted by mistake.
    The receipt shows [[card:5527-6018-9555-9795]] in full.
    Payment with [[card:2221 7114 7104 9743]] failed.
    Card [[card:2720650752917036]] was used at the kiosk.
    Amex [[card:3442 366712 76843]] belongs to a resident.
    Her Amex [[card:3726-846563-21222]] was visible.
    Card on file: [[card:373307924402686]]
    Discover [[card:6011 5995 2890 7863]] was read aloud at the meeting.
    The card [[card:6566-6176-0313-7211]] should be cancelled.
    Donation via [[card:6445901092815900]] was refunded.
    Long card [[card:6011139624595711773]] appeared in the thread.
    Diners Club [[card:3677 412154 7283]] was in the scan.
    Card [[card:30003852808417]] was charged for the permit.
    JCB [[card:3530 4852 5388 8537]] was posted.
    Card [[card:3589933633875005]] is a visitor's.
    UnionPay [[card:6247 4395 7551 3130]] was shown.
    Card [[card:6273537990751163727]] was included.
    Maestro [[card:6759 6516 7612 2203]] was in the reply.
    Card [[card:501829729976]] belongs to a vendor.
    Card [[card:3852 8820 0182 6332]] appeared in the PDF.
    Visa [[card:4043 4839 5486 2057]] was on the invoice photo.
    Please delete [[card:4798-6828-2880-7290]] from the comment.
    The number [[card:4022279180588879]] is a credit card.
    Card [[card:4180334018781]] showed in the scan.
    Card [[card:4017 5989 8347 8878 387]] was in the file.
    MC [[card:5148 3726 1675 1363]] was posted.
    Card [[card:5513-4125-2427-3162]] belongs to a resident.
    Mastercard [[card:2221 7232 6865 6358]] was exposed.
    Card [[card:2720515058770654]] was in the email thread.
    Amex [[card:3489 481131 14400]] appears in the image.
    Card [[card:3724-264628-89756]] was reported stolen.
    Charge to [[card:371402614014198]] succeeded.
    Discover [[card:6011 3141 7058 6498]] was typed in the chat.
    Card [[card:6520-8312-4023-4480]] was displayed.
    Card [[card:4\u{200B}5\u{200B}2\u{200B}6 0181 5908 3012]] was hidden with zero-width spaces.
    // ---------- dob: positive ----------
    Jane Doe, born [[dob:March 4, 1961]], was honored by the council.
    DOB: [[dob:03/04/1961]]
    D.O.B. [[dob:4/15/1987]]
    Date of birth: [[dob:1975-11-02]]
    Her birthday is [[dob:July 9, 2001]] and she turns 25.
    Born [[dob:4 March 1961]] in Racine, he served 30 years.
    Mr. Kowalski (b. [[dob:Mar. 4, 1961]]) retired this week.
    Birthdate [[dob:12-25-1950]]
    The missing man (DOB [[dob:6/2/1944]]) was found safe.
    She was born on [[dob:Sept. 12, 1999]] in Milwaukee.
    The child, born [[dob:May 30th, 2010]], needs a donor.
    DOB [[dob:3/4/61]] was listed on the flyer.
    Date of birth [[dob:01.02.1980]] appears on the form.
    Born: [[dob:December 1, 1935]]
    The resident's date of birth, [[dob:August 15, 1972]], was redacted.
    Missing: Tom Reed, DOB [[dob:11/22/1958]], last seen Tuesday.
    Her birth date is [[dob:2/29/1964]].
    The honoree was born [[dob:14 February 1940]].
    birthday: [[dob:Oct 3, 1990]]
    DOB [[dob:1999/07/04]] was visible.
    born [[dob:Jan. 5, 2026]] at St. Luke's, the baby is doing well.
    Veteran John Park (born [[dob:June 6, 1925]]) turned 100.
    The suspect's DOB is [[dob:9-9-1999]].
    He was born [[dob:1st of May, 1950]] in Chicago.
    Her DOB, [[dob:04/19/2003]], was on the ID.
    The birthday girl, born [[dob:Nov. 11, 2011]], met the mayor.
    D.O.B.: [[dob:7/4/1976]]
    born [[dob:February 29, 1988]]
    Date of Birth [[dob:1962-03-31]]
    Born [[dob:Apr 1 1970]] in Madison.
    The record says b. [[dob:12/12/1922]].
    DOB [[dob:10-10-2010]], grade 10.
    Our oldest resident was born [[dob:3 Jan 1918]].
    birthdate: [[dob:5/6/1977]]
    He gave his date of birth as [[dob:August 8, 1988]].
    The lost child (DOB [[dob:2/3/2020]]) was reunited with family.
    Born on [[dob:Dec. 24, 1960]], she taught for 40 years.
    DOB [[dob:７/４/１９７６]] was in full-width digits.
    The form showed DOB [[dob:01/01/2000]] for the applicant.
    She was born [[dob:July 20, 1969]], the day of the moon landing.
    // ---------- official contacts: negative ----------
    Call 311 or 414-286-CITY for city services.
    Questions? Call the Call Center at (414) 286-CITY.
    Reach the Department of Public Works at 414-286-2489.
    For permits call (414) 286-3000 on weekdays.
    Call 286-CITY from any city phone.
    Email the mayor's office at mayor@milwaukee.gov.
    Contact dpw@dpw.milwaukee.gov about street repairs.
    Write to comments [at] milwaukee [dot] gov with feedback.
    Library questions go to ask@mpl.org.
    City Hall, 200 E. Wells St., is open 8 a.m. to 4:45 p.m.
    Visit City Hall at 200 East Wells Street for the ceremony.
    The Central Library at 814 W. Wisconsin Ave. hosts the fair.
    Send payments to P.O. Box 324 as usual.
    Permits are issued at 841 N. Broadway St. on the first floor.
    Call 414-286-2150 for the Health Department.
    Call 1-414-286-2489 for bulky pickup.
    Email licensing@milwaukee.gov for a dog license.
    Fire prevention tips: fireprevention@mkefire.org.
    The Zeidler Municipal Building, 841 North Broadway Street, is closed Monday.
    Call 911 in an emergency and 311 for everything else.
    Dial 211 for housing help or 988 for crisis support.
    Health Center at 4001 S. 6th St. offers free shots.
    // ---------- fictional / toll-free: negative ----------
    Call 414-555-0123 to hear the recorded message.
    Example: (414) 555-0199 is a fictional number used in our guide.
    Sample phone 262-555-0100 appears on the form.
    Call 1-800-555-1234 for the state hotline.
    The utility helpline is (877) 555-2671.
    Call 888.555.0000 for the rebate program.
    Dial 866-414-2671 for energy assistance.
    Call the federal line at 1 (833) 555-7777.
    Reach the toll-free line 844 555 2671 anytime.
    The phone shown, 414-555-0150, is an example only.
    Call 855-286-2489 for the rebate center.
    // ---------- invalid area codes / exchanges: negative ----------
    The test sequence 123-456-7890 is not a real phone.
    Account (196) 555-2671 was closed.
    Numbers like 490-555-2671 are reserved.
    The code 370-555-2671 is not assigned.
    The pattern 961-555-2671 is reserved.
    Series 411-555-2671 is a service code.
    The entry 414-111-2671 is invalid.
    The entry 414-011-2671 is invalid.
    The entry 414-911-2671 is not a valid exchange.
    The entry 414-155-2671 was a typo.
    Sample 099-555-2671 is not a phone.
    Reference 595-555-2671 uses a reserved code.
    // ---------- IDs and timestamps: negative ----------
    Order 4145552671 shipped on time.
    The batch 4145552671 was processed overnight.
    Timestamp 1718035200 marks the upload.
    Log entry 2025061510 shows the outage.
    Ticket ID 2625553311 has been closed.
    Request 20250115001 was approved.
    Meter 4145552671 was replaced on Elm.
    The barcode 041455526710 is on the bin.
    Serial 9876543210 is on the hydrant.
    Confirmation 7731234567 was emailed to you.
    Invoice 2025-000123 is due.
    Parcel 3910123000 was reassessed.
    Tax Key 391-0123-000 is on the notice.
    Project 22-456-7890 is on schedule.
    Tracking number 9400111899223344556677 is in the email.
    Job 414555 was posted.
    // ---------- dates, times, money, years, percentages: negative ----------
    The meeting is 10/15/2025 at 6 p.m.
    On 2025-10-15 crews will mill the street.
    The event is March 4, 2026 at the library.
    Doors open at 10:30 a.m. and close at 4:45 p.m.
    The budget is $1,234,567.89 this year.
    The grant totals $414,555,267 over five years.
    The 2025-2026 budget was adopted.
    From 1998 to 2004 the park was closed.
    Turnout rose 12.5% compared to 2022.
    The levy grew 3.4 percent.
    Collections run Jan. 5-9, 2026.
    Hours are 9:00 to 17:30 on weekdays.
    Founded March 4, 1961, the club celebrates 65 years.
    The pool opened on June 1, 1961.
    The 2024 season ended 10/31/2024.
    The bridge was built in 1961-1963.
    Fees rose $12.50 to $45.00.
    Temperatures hit 95 degrees on 7/4/2025.
    The referendum passed 55-45.
    The score was 21-14 at halftime.
    // ---------- ordinance, file, case numbers: negative ----------
    See File #231456 for the full text.
    File No. 231456 was referred to committee.
    Ord. 12-345 amends the noise rules.
    Res. 2024-18 was adopted unanimously.
    Case No. 2024CV001234 is pending.
    Case 23-CV-1234 was dismissed.
    The council passed File 240123 on Tuesday.
    Ordinance 414-555-2671 does not exist, but the file does.
    Resolution 2023-0415 established the fund.
    Permit 2024-555-2671 was issued to the contractor.
    Docket 22-123-4567 lists the hearing.
    Common Council File Number 231456 is attached.
    Item 5 on the agenda covers File #240987.
    Section 101-23-5 of the code applies.
    // ---------- ZIP codes, ISBNs: negative ----------
    The 53202 and 53204 ZIP codes are affected.
    Mail to ZIP 53202-1234 takes two days.
    Residents in 53206, 53208 and 53210 qualify.
    ISBN 978-0-13-468599-1 is on the reading list.
    The book (9780134685991) is available.
    ISBN 0-306-40615-2 is the classic edition.
    ISBN-10: 0306406152 is also accepted.
    Borrow 978-1-4028-9462-6 at any branch.
    // ---------- URLs: negative ----------
    Read more at https://city.milwaukee.gov/news/2025/414-555-2671 today.
    Details: www.example.com/call/4145552671
    Follow https://x.org/@janedoe for updates.
    See https://medium.com/@cityofmke/post-2025 for the story.
    Photos at https://flickr.com/photos/4145552671/ are public.
    The form is at milwaukee.gov/forms/123-45-6789.pdf for reference.
    Watch at https://youtu.be/abc123?t=4145552671
    Map: https://maps.example.com/?q=43.0389,-87.9065
    Register at https://example.org/register?id=4111111111111111 now.
    Download https://city.gov/files/2400-W-Wisconsin-Ave.pdf
    // ---------- URL queries: the data is in plain view ----------
    Call the desk via city.milwaukee.gov/dpw?cell=[[phone:414-555-2671]] today.
    Book at https://city.milwaukee.gov/c?tel=[[phone:414.555.3344]] now.
    Write through https://x.milwaukee.gov/?m=[[email:jo.king@gmail.com]] for a copy.
    // ---------- versions, hashtags, counts: negative ----------
    The app is now v1.2.3 with bug fixes.
    Version 2.10.4 fixes the login issue.
    Update to iOS 17.4.1 for the app.
    Join us! #Milwaukee2026
    Celebrate #414Day with us.
    Tag your photos #MKE2025 and #Summerfest2026.
    More than 12,000 households signed up.
    We planted 300 trees along Main St. this spring.
    Over 1,200 residents attended.
    About 4,500 lead lines were replaced.
    The 400 volunteers cleaned 35 parks.
    Crews filled 1,250 potholes on 27 streets.
    Over 40 Lakefront Park volunteers helped.
    More than 300 Milwaukee Public Schools students attended.
    // ---------- cards and SSNs that fail validation: negative ----------
    Test card 4067 9247 0822 7653 fails the checksum.
    The string 4444-4634-7861-2210 is not a valid card.
    Code 4387837576283314 was rejected.
    The number 5114 3667 6402 0673 fails Luhn.
    Sample 6011 5630 4813 7347 is invalid.
    ID 1234 5678 9012 3456 is a placeholder.
    The value 9999 8888 7777 6666 is fake.
    The code 000-12-3456 is not an SSN.
    The code 666-45-6789 is not an SSN.
    The code 923-45-6789 is not an SSN.
    The code 123-00-4567 is not valid.
    The code 123-45-0000 is not valid.
    The nine digits 123456789 are a form default.
    Inventory 234567890 is in storage.
    The pattern 123-45 6789 is mixed.
    // ---------- block numbers and streets without numbers: negative ----------
    Police responded to the 2400 block of W. Wisconsin Ave. on Friday.
    The shooting happened in the 3100 block of N. 35th St.
    Wisconsin Ave. will be closed between 27th and 35th streets.
    North Ave. will be repaved this summer.
    Crews will work on Lincoln Ave. from 6th to 16th streets.
    The 2500 Block of N. Holton St. is closed.
    Paving on S. 27th St. begins Monday.
    In 2025 Lincoln Ave will be repaved.
    Since 2019 Kinnickinnic Ave has bike lanes.
    Between 1st and 3rd Streets traffic will shift.
    // ---------- dates without birth context, implausible ages: negative ----------
    The library turns 125 on March 4, 2026.
    The pool was dedicated 7/4/1976.
    He was born in 1961.
    The park was born out of a 1961 plan, dedicated 5/6/1961.
    Birthday celebrations for the zoo's elephant begin March 4, 2027.
    Born 1/1/1890, the building's founder is remembered today.
    // ---------- misc look-alikes: negative ----------
    The coordinates are 43.0389, -87.9065.
    The server 192.168.1.254 was restarted.
    Route 30 bus detours start Monday.
    Room 301 is reserved for the meeting.
    I-94 ramps close at 9 p.m.
    Take Hwy 100 to the fairgrounds.
    The vote was 12 to 3.
    Pick up 2 bins per household.
    Meet us at City Hall at 5:30 p.m.
    Find us at milwaukee dot gov for more.
    Details at city dot gov/news.
    Learn more at mkeparks dot org today.
    Apply at jobs dot milwaukee dot gov.
    The forecast is 4-6 inches of snow.
    Call us at 311 or visit milwaukee.gov.
    Rooms 201-205 are open.
    Phase 2 covers 14 blocks.
    Ages 5-12 welcome.
    The 5K starts at 8 a.m.
    Game 7 is at 7:10 p.m.
    Lot 12 is closed.
    The 3-2-1 plan passed.
    It costs $25 per year.
    Call 414 to 555 residents? No, the survey reached 2,671 people.
    Section 8 vouchers are available.
    The 1099 forms are mailed in January.
    // ---------- more negatives ----------
    Call 414-286-CITY for the alderman's office.
    The Call Center, 414-286-CITY, is open late on Tuesdays.
    Questions about recycling? sanitation@milwaukee.gov
    Email the clerk at clerk@city.milwaukee.gov.
    Tickets: 1-888-555-2671.
    Meeting ID 987 6543 2100 for the virtual hearing.
    Zoom passcode 414555 for the listening session.
    Webinar ID: 845 2671 3390
    The 2026 Budget Way Forward plan was released.
    Our 2025 Annual Report is online.
    Join 500 Neighbors Walk for Health this Saturday.
    Top 10 Ways to Save Energy This Winter.
    The 3 Bridges Park trail reopens in May.
    Our 3 Rivers Trail project got funding.
    The 2024 Lake Drive Run raised money for parks.
    Dial *67 to block your number.
    Text STOP to 31311 to unsubscribe.
    Reply YES to 67283 for alerts.
    Population: 561,385 in the last count.
    The 414 area code turns 79 this year.
    Ward 12, Aldermanic District 3, votes at the school.
    The $2.5 million grant funds lead line work.
    The fiscal year 2025-26 budget is posted.
    Call 1-800-MILWAUKEE? No, call 311.
    Office hours are 8:00-4:30 Monday to Friday.
    Pay online by 11:59 p.m. on 4/15/2026.
    Election Day is 11/3/2026.
    Snow emergency 2026-01-12 through 2026-01-14.
    Files 240123, 240124 and 240125 are on the agenda.
    Case numbers 2025-CV-0012 and 2025-CV-0013 were heard.
    See Ord. 2024-12-345 for details.
    Chapter 80-6.5 of the code covers noise.
    Wis. Stat. 19.35(1)(a) governs records requests.
    Resolution No. 241567 passed.
    Claim #2025-414-5552 was denied.
    The library has 2,671 new books.
    Kids ages 4-14 can join the league.
    Dial 414 then the 7-digit number.
    ZIP code 53202 had the most calls.
    Call volume hit 4145 on Monday.
    The call center handled 12,345 calls.
    Text 414-555-0142 to test the alert system.
    Phone banks use 555-0175 as the sample line.
    Email press@milwaukee.gov or media@mpl.org.
    Visit https://mpl.org/events?date=2026-03-04&room=414 for details.
    Share at facebook.com/events/4145552671 today.
    Photo: @milwaukeepolice
    Tag @CityofMilwaukee in your posts.
    Follow us @mkedpw for plow updates.
    Meet at 5 Points for the walk.
    Join the 5 Points Neighborhood Walk on Sunday.
    We need 20 Crossing Guards for fall.
    The 7 Mile Fair returns in June.
    Drive 25 MPH in school zones.
    Highway 41 Closure starts Friday.
    By 2030 Capitol Drive will have bus rapid transit.
    Happy 100th Birthday to the Rose Garden!
    Contact us at the email address listed on the website.
    The 911 center answered 1,204 calls.
    Catalog item 555-2671 is back in stock.
    """

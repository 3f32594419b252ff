"""Given names, by the gender they mark (data for ``lexicon``).

A given name the lists know makes a capitalised run a person ("Sarah
Soroken") and gives the person a gender for he/she; a unisex name marks a
person but no gender. Common names across the communities US, UK, Irish,
Canadian, Australian and other English-language news covers; extend freely.
A name is in one list only.
"""

FEMALE: frozenset[str] = frozenset(
    """
    aaliyah abena abigail abimbola adaeze adjoa adriana adrienne agnes agnieszka aisha aishwarya
    akiko akosua alessandra alexa alexis alice alicia alison allison alma ama amanda amara amber
    amelie amina amy ana ananya andrea angela anita ann anna annie annika antoinette aoife
    araceli aria ariana arlene astrid audrey aurora autumn ava ayesha barb barbara beatrix
    beatriz becky bella bernadette bessie beth betsy betty beverly birgit blanca brenda brianna
    bridget brittany brooklyn busisiwe camila carla carmen carol caroline carolyn catalina
    catherine cathy charlene charlotte cheryl chiamaka chiara chioma chloe christina christine
    cindy claire clarice clarissa claudia clementine colette colleen connie consuelo cordelia
    corinne cynthia daisy daniela danielle darlene deb debbie deborah debra deepa deirdre delilah
    denise destiny diana diane divya dolores dominika dominique donna doreen doris dorothy
    earlene ebony edna efua eileen ekaterina elaine elena elizabeth ella ellen elodie emilia
    emily emma erin esperanza ethel eun-ji evelyn everly fabienne fatima fiona folake frances
    francesca francisca freya funmilayo gabriela gabrielle galina genesis genevieve georgina
    geraldine gertrude gianna giulia giuliana glenda gloria grace graciela grainne greta
    guadalupe gwen gwendolyn hannah harriet haruka hattie hazel heather heidi helen helene
    heloise henrietta hilda hoa holly huda hye-jin ida imani imelda imogen ines ingrid irene
    irina irma isabel isabella ivonne ivy jacqueline jane janelle janet janice jasmine jen
    jennifer jenny jess jessica ji-woo jill joan jocelyn jocelyne josefina josephine josiane joy
    joyce juana judith judy julie june karen kari katarzyna kate katherine kathleen kathryn
    kathy katie kavita kavya kayla kaylee keiko keisha kennedy keri kerstin kiara kimberly
    kinsley kris lakisha lakshmi latoya laura lauren layla leila leticia li-na lily linda
    lindiwe linh lisa liv liz lorena lori lorraine lourdes lucia lucienne lucy ludmila lula luz
    lydia lynne mabel mackenzie madeleine madeline madison magdalena magdalene maggie mai
    mairead malgorzata mandy manon margaret margarita margot marguerite maria marian mariana
    marianne marie marilyn marisa marisol marissa marlene marta martha mary mathilde matilda
    maureen maya meera meg megan mei mei-ling melissa mercedes meredith mia michelle milagros
    mildred min-ji minnie moira molly monica muriel nadege nadia nancy naomi natalia natalie
    natasha nathalie neha nellie ngoc ngozi nguyet nia niamh nicole nina nkechi nomvula noor
    nora noreen norma nova nuala odile oksana olena olga olivia opal ophelia orla padma paisley
    pam pamela paola patricia patti paula pauline pearl peggy penny philippa phyllis pilar pooja
    precious priscilla priya priyanka rachel ramona rebecca renata renate renee rhiannon rhonda
    rita roberta rocio roisin rosa rosalba rosalia rosalind rosamund rosemary roxanne ruby ruth
    sadie sakura sally samantha sandra sandy saoirse sara sarah savannah serenity shanice
    shaniqua sharon shauna sherry shirley shreya sigrid silvia simone sinead siobhan sofia
    solange soledad solveig sonia soo-jin sophia stephanie sue sunanda sunita susan svetlana
    sylvia sylvie tami tamika tammy tanisha tanya tatiana teodora teresa terri thandiwe theresa
    thuy tiana tina tonya trish valentina valerie vanessa vera veronica veronique vicki victoria
    violet virginia vivian wanda wendy willow winifred xiaoling ximena xiomara yasmin yelena
    yesenia yetunde yoko yolanda yuki yvette yvonne zainab zanele zoe
    """.split()
)

MALE: frozenset[str] = frozenset(
    """
    aaron adam adebayo adolfo adrian agustin ahmed alan alasdair alastair albert alberto
    alejandro alessandro alexander alfredo ali alistair amit anders andre andres andrew andy
    angus anil anthony arjun armando arthur arturo asher austin babatunde barry bartholomew ben
    benjamin bennett benoit benoît bilal bill billy bob bobby bogdan bohdan bongani boris brad
    brady brandon brent brett brian bruce bryan bud butch caleb callum carl carlos carter cecil
    cedric cesar chad charles charlie chase chidi chinedu chip christian christopher chuck
    chukwuemeka ciaran clarence clement clifford clive cody colin colton connor corey cormac
    cornelius craig curtis daisuke dan daniel danny darius darnell darren dave david declan
    demetrius dennis derek deshawn desmond dewayne diarmuid diego dinesh dmitri dominic don
    donald dong-hyun doug douglas duc duncan dustin dwayne dylan earl easton ed eddie edgar
    eduardo edward elijah emeka emilio enrique eoin eric ernest ernesto ethan etienne euan
    eugene evan everett ewan ezequiel ezra faisal felipe fergus fernando fitzgerald floyd
    francisco frank fred freddie gabriel gaetan gareth gary gaëtan gene george gerald gerardo
    gideon giles giovanni giuseppe glenn gordon graham grant greg gregory grzegorz guillermo gus
    gustavo hamish hamza hank hans harold harvey hassan hector henry herbert hiroshi howard
    hudson hugo hung hunter hussein ian ibrahim ignacio igor ikechukwu irving isaac isaiah ivan
    jabari jace jack jacob jae jae-hyun jake jamal james jason javier jaxon jayden jeff jeffrey
    jeremy jermaine jerry jesus jian jim jimmy joaquin joe john johnny jon jonathan jorge jose
    joseph josh joshua josiah juan julian julio jun jurgen justin karim kazimierz kazuo keith
    ken kenji kenneth kevin khalid klaus kofi kojo kurt kwabena kwaku kwame kwesi kyle lachlan
    lamar lamont landon larry lars lawrence leo leon leroy levi liam lincoln lloyd lorenzo louis
    luca lucas luis luke mahesh malcolm malik mandla manuel marco marcus mario mark marlon
    marquis marty marvin mason massimo mateo mathieu matt matteo matthew maurice mauricio
    maverick melvin micah michael mick miguel mike miles milos milton min-jun minh mitch mohamed
    mohammed morris muhammad murdo mustafa mykola nabil nate nathan nathaniel neil niall
    nicholas nick nicolas nigel nikolai noah nolan norman obinna oleksandr oliver olusegun
    oluwaseun omar oscar otis owen padraig patrick paul pedro pete peter phil philip przemyslaw
    quang rafael rahul raj rajesh ralph ramesh ramon randy rashad rashid raul ravi ray raymond
    reggie reginald rex rhys ricardo rich richard rick rob robbie robert rodney rodrigo rogelio
    roger ron ronald ronan ross roy ruaraidh ruben rubén rudy rupert russell ryan sal salvador
    salvatore samir samuel sanjay santiago satoshi scott seamus sean sergei sergio seung-ho
    shane shawn sidney silas sipho spencer stan stephen steve steven stuart sunil suresh sven
    tadeusz takashi takeshi taras tariq ted teodoro terrell thabo thaddeus thanh themba theodor
    theodore thierry thomas tim timothy todd tom tomas tommy tony torquil travis trevor troy
    tuan tunde tyler tyrell tyrone vicente victor vijay vincent vincenzo vinny vladimir wade
    walter warren wayne wei wei-ming wendell william willie winston wojciech wyatt xavier
    yannick yaw yevgeny youssef yusuf zach zachary étienne
    """.split()
)

UNISEX: frozenset[str] = frozenset(
    """
    alex ashley avery blake cameron casey chris dana drew emerson finley hayden jamie jan jean jesse
    jo jordan kelly kendall kerry kim lee leslie logan lynn morgan pat peyton quinn reese riley
    robin rowan sam sasha shannon skylar stacy taylor terry toni tracy
    """.split()
)

import { Module } from '@nestjs/common';
import {
  MatterCatalogueController,
  PublicMatterCatalogueController,
} from './catalogue/matter-catalogue.controller';
import { MatterCatalogueService } from './catalogue/matter-catalogue.service';
import { ContactPointsController } from './contact-points/contact-points.controller';
import { ContactPointsService } from './contact-points/contact-points.service';
import { NegativeListEntryController } from './negative-list/negative-list-entry.controller';
import { NegativeListRegisterModule } from './negative-list/negative-list-register.module';
import { CertificateController, EnforcementPeopleController } from './officers/officers.controller';
import { OfficersService } from './officers/officers.service';
import { SupervisorsController } from './supervisors/supervisors.controller';
import { SupervisorsService } from './supervisors/supervisors.service';
import { TrainingController } from './training/training.controller';
import { TrainingService } from './training/training.service';

/**
 * The registers of domain.md §3: matter catalogues, officers and certificates, training, the negative
 * list's manual entries, supervisors and enterprise contact points.
 */
@Module({
  imports: [NegativeListRegisterModule],
  controllers: [
    MatterCatalogueController,
    PublicMatterCatalogueController,
    EnforcementPeopleController,
    CertificateController,
    TrainingController,
    NegativeListEntryController,
    SupervisorsController,
    ContactPointsController,
  ],
  providers: [
    MatterCatalogueService,
    OfficersService,
    TrainingService,
    SupervisorsService,
    ContactPointsService,
  ],
})
export class RegistersModule {}
